import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults for the embedded database', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.cookieSecure).toBe(false);
  });

  it('rejects a malformed DATABASE_URL in one sentence', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://nope' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://nope' })).toThrow(
      /^Invalid setting DATABASE_URL: must look like postgres:\/\//,
    );
  });

  it('rejects a port that is not a number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/Invalid setting PORT/);
  });

  it('marks cookies Secure when the public address is HTTPS', () => {
    expect(loadConfig({ APP_URL: 'https://sip.example.org' }).cookieSecure).toBe(true);
  });
});

describe('suppression threshold', () => {
  it('can be raised but never set below 3', () => {
    expect(loadConfig({ SUPPRESSION_THRESHOLD: '10' }).suppressionThreshold).toBe(10);
    expect(() => loadConfig({ SUPPRESSION_THRESHOLD: '2' })).toThrow(/SUPPRESSION_THRESHOLD/);
  });
});
