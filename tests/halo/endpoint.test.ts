import { describe, expect, it } from 'vitest';
import { HaloSetupError, isHostedHalo, resolveHaloEndpoint } from '../../src/halo/index.js';

const creds = { HALO_CLIENT_ID: 'id-1', HALO_CLIENT_SECRET: 'secret-1' };

describe('Halo endpoint settings', () => {
  it('takes the URL from HALO_URL over the config and strips a trailing / and /api', () => {
    expect(resolveHaloEndpoint({ halo: { url: 'https://cfg.halopsa.com/api/' } }, creds).baseUrl).toBe('https://cfg.halopsa.com');
    expect(resolveHaloEndpoint({ halo: { url: 'https://cfg.halopsa.com' } }, { ...creds, HALO_URL: 'http://127.0.0.1:9/API' }).baseUrl).toBe('http://127.0.0.1:9');
  });

  it('takes the tenant from HALO_TENANT over the config, and HALO_AUTH_URL without /token', () => {
    const e = resolveHaloEndpoint({ halo: { url: 'https://x.example', tenant: 'cfg' } }, { ...creds, HALO_TENANT: 'env', HALO_AUTH_URL: 'https://auth.example/auth/token/' });
    expect(e.tenant).toBe('env');
    expect(e.authUrl).toBe('https://auth.example/auth');
    expect(resolveHaloEndpoint({ halo: { url: 'https://x.example', tenant: 'cfg' } }, creds).tenant).toBe('cfg');
  });

  it('names every missing variable at once', () => {
    let error: unknown;
    try {
      resolveHaloEndpoint({ halo: { url: 'ftp://nope' } }, {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HaloSetupError);
    const message = (error as Error).message;
    expect(message).toContain('HALO_CLIENT_ID and HALO_CLIENT_SECRET');
    expect(message).toContain('"ftp://nope" is not an http(s) URL');
  });

  it('knows hosted Halo hosts', () => {
    expect(isHostedHalo('https://acme.halopsa.com')).toBe(true);
    expect(isHostedHalo('https://halo.acme.internal')).toBe(false);
  });
});
