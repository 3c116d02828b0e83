/**
 * GitHub blips do not cost a plan comment, and retries never post a second one: rate limits are
 * waited out and retried for any call, server errors only for reads and edits, and a create whose
 * answer failed is looked for before it is made again.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_GITHUB_RETRY, retryDelay } from '../../src/action/github.js';
import { marker } from '../../src/action/markers.js';
import { prEvent, runInProcess, useActionWorld, workspace } from './harness.js';

const world = useActionWorld();
const FAST = { HALO_SYNC_RETRY_BASE_MS: '1' };
const COMMENTS = /\/issues\/\d+\/comments$/;
const calls = (requests: Array<{ method: string; status: number }>) => requests.map((r) => `${r.method} ${r.status}`);

describe('GitHub API retries', () => {
  it('retries reads and edits after server errors: the comment is created, then edited', async () => {
    const { sandbox, github } = await world();
    github.failures.push({ method: 'GET', path: COMMENTS, status: 502, message: 'Bad Gateway' });
    const ws = workspace();
    const first = await runInProcess({ command: 'plan', event: prEvent({ number: 61 }), workspace: ws, env: { ...sandbox.env, ...FAST }, github });
    expect(first.exitCode, first.stdout).toBe(0);
    expect(calls(github.requests)).toEqual(['GET 502', 'GET 200', 'POST 201']);

    github.requests.length = 0;
    github.failures.push({ method: 'PATCH', status: 503, message: 'Service Unavailable' }, { method: 'PATCH', status: 500 });
    const second = await runInProcess({ command: 'plan', event: prEvent({ number: 61, headSha: 'd'.repeat(40) }), workspace: ws, env: { ...sandbox.env, ...FAST }, github });
    expect(second.exitCode).toBe(0);
    expect(calls(github.requests)).toEqual(['GET 200', 'PATCH 503', 'PATCH 500', 'PATCH 200']);
    expect(github.commentsOn(61)).toHaveLength(1);
    expect(github.commentsOn(61)[0]!.body).toContain('commit ddddddd');
  });

  it('never posts twice when a create was carried out but its answer was an error', async () => {
    const { sandbox, github } = await world();
    github.failures.push({ method: 'POST', status: 502, afterProcessing: true });
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 62 }), workspace: workspace(), env: { ...sandbox.env, ...FAST }, github });
    expect(run.exitCode, run.stdout).toBe(0);
    // The POST is not repeated blindly: the comments are read again, and there it is.
    expect(calls(github.requests)).toEqual(['GET 200', 'POST 502', 'GET 200']);
    expect(github.commentsOn(62)).toHaveLength(1);
    expect(github.commentsOn(62)[0]!.body).toContain(marker('plan', 'halo-sync.yaml'));
    expect(run.outputs['comment-url']).toBe(github.commentsOn(62)[0]!.html_url);
  });

  it('creates once more when the failed create did not happen', async () => {
    const { sandbox, github } = await world();
    github.failures.push({ method: 'POST', status: 500 });
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 63 }), workspace: workspace(), env: { ...sandbox.env, ...FAST }, github });
    expect(run.exitCode).toBe(0);
    expect(calls(github.requests)).toEqual(['GET 200', 'POST 500', 'GET 200', 'POST 201']);
    expect(github.commentsOn(63)).toHaveLength(1);
  });

  it('waits out a secondary rate limit (403 with Retry-After) and retries even a create', async () => {
    const { sandbox, github } = await world();
    github.failures.push({ method: 'POST', status: 403, retryAfter: 0, message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' });
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 64 }), workspace: workspace(), env: { ...sandbox.env, ...FAST }, github });
    expect(run.exitCode).toBe(0);
    expect(calls(github.requests)).toEqual(['GET 200', 'POST 403', 'POST 201']);
    expect(github.commentsOn(64)).toHaveLength(1);
  });

  it('gives up after three retries with a warning naming the call, and the plan still succeeds', async () => {
    const { sandbox, github } = await world();
    for (let i = 0; i < 4; i++) github.failures.push({ method: 'GET', path: COMMENTS, status: 500, message: 'Internal Server Error' });
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 65 }), workspace: workspace(), env: { ...sandbox.env, ...FAST }, github });
    expect(run.exitCode).toBe(0);
    expect(calls(github.requests)).toEqual(['GET 500', 'GET 500', 'GET 500', 'GET 500']);
    const warning = run.annotations.find((a) => a.kind === 'warning' && /GitHub/.test(a.message));
    expect(warning?.message).toMatch(/GET \/repos\/brightwater\/halo-config\/issues\/65\/comments/);
    expect(warning?.message).toMatch(/500/);
    expect(github.comments).toEqual([]);
    expect(run.summary).toContain('Plan: ');
  });
});

describe('retryDelay', () => {
  const policy = { ...DEFAULT_GITHUB_RETRY, baseDelayMs: 100, maxDelayMs: 60_000 };
  const failed = (status: number | undefined, retryAfterMs: number | null = null, message = 'x') => ({ status, message, retryAfterMs });
  it.each([
    ['a 502 on a read: backoff', failed(502), 'GET', 0, 100],
    ['a 502 on an edit, second retry: doubled', failed(502), 'PATCH', 1, 200],
    ['a network failure on a read', failed(undefined), 'GET', 2, 400],
    ['a 502 on a create: may have happened, not repeated here', failed(502), 'POST', 0, null],
    ['a 429 on a create: not processed, Retry-After honoured', failed(429, 5_000), 'POST', 0, 5_000],
    ['a secondary rate limit without Retry-After: at least a minute', failed(403, null, 'You have exceeded a secondary rate limit'), 'POST', 0, 60_000],
    ['a primary rate limit resetting in an hour: not waited for', failed(429, 3_600_000), 'GET', 0, null],
    ['a plain 403 (no permission): never retried', failed(403), 'GET', 0, null],
    ['a 422: never retried', failed(422), 'PATCH', 0, null],
    ['after three retries: give up', failed(503), 'GET', 3, null],
  ])('%s', (_name, failure, method, retry, expected) => {
    expect(retryDelay(failure, method, retry, policy)).toBe(expected);
  });
});
