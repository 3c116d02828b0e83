import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/diagnostics/errors.js';
import { checkUsersPage, INVALID_ANSWER } from '../../src/google/answers.js';
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

describe('Google answers that are HTML pages: summarised in one line, never pasted', () => {
  it('an error page becomes its title (entities decoded), or its text when it has none', () => {
    const titled = toGoogleApiError({ response: { status: 502, data: '<!DOCTYPE html><html><head><title>Bad Gateway &amp; Co</title></head><body><h1>x</h1></body></html>' } }, call);
    expect(titled.excerpt).toBe('an HTML page ("Bad Gateway & Co") instead of Google\'s error JSON');
    const untitled = toGoogleApiError({ response: { status: 502, data: '<html><body><center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx</center></body></html>' } }, call);
    expect(untitled.excerpt).toBe('an HTML page ("502 Bad Gateway nginx") instead of Google\'s error JSON');
    expect(untitled.retryable).toBe(true);
  });

  it('a 200 answer that is a sign-in page is refused with its title, the subject first and secrets redacted', () => {
    const page = '<html><head><title>Sign in for tok-SECRET-123</title></head></html>';
    let refused: unknown;
    try {
      checkUsersPage(page, { ...call, subject: 'customer C0abc', secrets: ['tok-SECRET-123'] });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ApiError);
    const error = refused as ApiError;
    expect(error.reason).toBe(INVALID_ANSWER);
    expect(error.excerpt).toMatch(/^customer C0abc: Google answered an HTML page \("Sign in for .*"\) instead of JSON where a page of users was expected; is GOOGLE_API_ROOT the Directory API\?$/);
    expect(error.excerpt).not.toContain('tok-SECRET-123');
  });
});
