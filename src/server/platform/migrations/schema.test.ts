import { describe, expect, it } from 'vitest';
import { harness } from '../../test/harness';
import { describeSchema } from './schema.repository';

describe('migrations', () => {
  // The snapshot is committed; the same test runs on PGlite and on PostgreSQL in CI, so both must match it.
  it('build the same schema on every supported database', async () => {
    const h = await harness();
    const schema = await describeSchema(h.db);
    await expect(`${JSON.stringify(schema, null, 1)}\n`).toMatchFileSnapshot('./schema.snapshot.json');
  });
});
