import { describe, expect, it } from 'vitest';
import { toGoogleApiError } from '../../src/google/errors.js';

const call = { method: 'GET', path: '/admin/directory/v1/users' };

describe('toGoogleApiError: which failures without a response are retried', () => {
  it.each([
    ['ECONNRESET', true],
    ['ECONNREFUSED', true],
    ['ETIMEDOUT', true],
    ['UND_ERR_SOCKET', true],
    // A credential file that is missing or unreadable is a setup problem: retrying cannot help.
    ['ENOENT', false],
    ['EACCES', false],
    ['EISDIR', false],
  ])('%s → retryable %s', (code, retryable) => {
    const error = toGoogleApiError(Object.assign(new Error(`failed: ${code}`), { code }), call);
    expect(error.retryable).toBe(retryable);
    expect(error.status).toBeUndefined();
  });
});
