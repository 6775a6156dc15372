import { describe, expect, it } from 'vitest';
import { harness } from '../../test/harness';

describe('API documentation', () => {
  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const h = await harness();
    const res = await h.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/schools', '/api/v1/rounds/{id}/heatmap', '/api/v1/plans/{id}']),
    );
    expect(
      doc.paths['/api/v1/schools'].post.requestBody.content['application/json'].schema.required,
    ).toContain('urn');
  });

  it('serves the interactive documentation page', async () => {
    const h = await harness();
    const res = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});
