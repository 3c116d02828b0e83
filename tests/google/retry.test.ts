/** Our backoff: Google's ladder, fully jittered, bounded in count and in total waiting time. */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/diagnostics/errors.js';
import { backoffDelay, toGoogleApiError, withRetry, type RetryPolicy } from '../../src/google/index.js';
import { seededRandom } from '../../src/sandbox/prng.js';

const transient = () => new ApiError('Google', 'GET', '/x', 503, 'busy', { retryable: true });

function policy(overrides: Partial<RetryPolicy> = {}): RetryPolicy & { waits: number[] } {
  const waits: number[] = [];
  return { maxRetries: 5, baseDelayMs: 1000, maxTotalDelayMs: 60_000, random: seededRandom(3), sleep: async (ms) => void waits.push(ms), waits, ...overrides };
}

describe('retry', () => {
  it('waits follow 1, 2, 4, 8, 16 s on average, each uniform in [0, 2 × step)', () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const step = 1000 * 2 ** (attempt - 1);
      expect(backoffDelay(attempt, { baseDelayMs: 1000, random: () => 0 })).toBe(0);
      expect(backoffDelay(attempt, { baseDelayMs: 1000, random: () => 0.5 })).toBe(step);
      expect(backoffDelay(attempt, { baseDelayMs: 1000, random: () => 0.999999 })).toBeLessThan(2 * step);
    }
  });

  it('retries transient failures up to maxRetries, then throws the last error', async () => {
    const p = policy();
    let calls = 0;
    const error = await withRetry('op', async () => {
      calls++;
      throw transient();
    }, (e) => e as ApiError, p).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(calls).toBe(6);
    expect(p.waits).toHaveLength(5);
  });

  it('stops early when the total waiting budget would be exceeded', async () => {
    const p = policy({ maxTotalDelayMs: 3000, random: () => 0.5 }); // waits 1000, 2000, then 4000 > budget
    let calls = 0;
    await withRetry('op', async () => {
      calls++;
      throw transient();
    }, (e) => e as ApiError, p).catch(() => undefined);
    expect(p.waits).toEqual([1000, 2000]);
    expect(calls).toBe(3);
  });

  it('fails fast on a non-transient error and returns as soon as a call succeeds', async () => {
    const p = policy();
    let calls = 0;
    await expect(withRetry('op', async () => {
      calls++;
      throw new ApiError('Google', 'GET', '/x', 404, 'gone');
    }, (e) => e as ApiError, p)).rejects.toMatchObject({ status: 404 });
    expect(calls).toBe(1);
    let n = 0;
    expect(await withRetry('op', async () => (++n < 3 ? Promise.reject(transient()) : 'ok'), (e) => e as ApiError, p)).toBe('ok');
  });

  it('classifies Google failures: rate-limit 403s, 429 and 5xx retry; forbidden and 4xx do not; OAuth codes kept', () => {
    const http = (status: number, data: unknown) => ({ message: 'x', response: { status, data } });
    const google = (status: number, reason: string) => http(status, { error: { code: status, message: `m ${reason}`, errors: [{ reason }] } });
    const call = { method: 'GET', path: '/admin/directory/v1/users', subject: 'customer C0a' };
    for (const reason of ['userRateLimitExceeded', 'rateLimitExceeded', 'quotaExceeded']) expect(toGoogleApiError(google(403, reason), call).retryable).toBe(true);
    expect(toGoogleApiError(google(429, 'rateLimitExceeded'), call).retryable).toBe(true);
    expect(toGoogleApiError(google(503, 'backendError'), call)).toMatchObject({ retryable: true, reason: 'backendError', status: 503 });
    expect(toGoogleApiError(google(403, 'forbidden'), call)).toMatchObject({ retryable: false, message: expect.stringContaining('customer C0a: m forbidden') });
    expect(toGoogleApiError(google(400, 'invalid'), call).retryable).toBe(false);
    const oauth = toGoogleApiError({ message: 'x', response: { status: 401, data: { error: 'unauthorized_client', error_description: 'no' }, config: { url: 'http://127.0.0.1:1/token' } } }, call);
    expect(oauth).toMatchObject({ reason: 'unauthorized_client', method: 'POST', path: '/token', retryable: false });
    const network = toGoogleApiError(Object.assign(new Error('fetch failed'), { code: 'ECONNRESET', config: {} }), call);
    expect(network).toMatchObject({ retryable: true, status: undefined, reason: 'ECONNRESET' });
    const none = toGoogleApiError(new Error('Could not load the default credentials. Browse to …'), call);
    expect(none).toMatchObject({ retryable: false, message: expect.stringContaining('no Google credentials found: set GOOGLE_APPLICATION_CREDENTIALS') });
  });

  it('never puts a token in an error message', () => {
    const token = 'ya29.a-secret-token-123456';
    const error = toGoogleApiError({ message: 'x', response: { status: 500, data: `upstream said Bearer ${token} and ${token}` } }, { method: 'GET', path: '/x', secrets: [token] });
    expect(error.message).not.toContain(token);
  });
});
