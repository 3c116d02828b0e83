/**
 * Halo answers the client must survive without crashing: a raw node:http transport fixture that
 * issues a token and then answers /api/* with whatever garbage the test names. (Not a fake Halo:
 * everything Halo-shaped is tested against the sandbox.)
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/diagnostics/errors.js';
import { createHaloClient, readHaloSnapshot } from '../../src/halo/index.js';
import { expectNoSecrets, failureOf } from './halo-fixtures.js';

const SECRET = 'fixture-secret-5d4c3b2a1f0e';
const TOKEN = 'fixture-token-abcdefghijklmnop0123456789';

let server: Server;
let url: string;
let answer: { status: number; type: string; body: string } = { status: 200, type: 'application/json', body: '[]' };

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!.toLowerCase();
    if (path === '/auth/token') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ access_token: TOKEN, token_type: 'Bearer', expires_in: 3600 }));
    }
    if (path === '/api/authinfo') {
      res.writeHead(404);
      return res.end();
    }
    // Echoes the credentials it was sent, to prove excerpts are scrubbed.
    const body = answer.body.replace('$AUTH', String(req.headers.authorization));
    res.writeHead(answer.status, { 'content-type': answer.type });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function client() {
  return createHaloClient({
    config: { halo: { url } },
    env: { HALO_CLIENT_ID: 'fixture', HALO_CLIENT_SECRET: SECRET },
    rateLimit: 'off',
    sleep: async () => undefined,
    retry: { maxRetries: 1 },
  });
}

async function usersFailure(status: number, type: string, body: string) {
  answer = { status, type, body };
  // Every /api call gets the same garbage; the snapshot reports the users read (its first part).
  const error = await failureOf(() => readHaloSnapshot(client(), { agentIdField: 'third_party_guid' }));
  expect(error).toBeInstanceOf(ApiError);
  expectNoSecrets(error, [SECRET, TOKEN]);
  return error;
}

describe('bad answers become ApiErrors naming the call', () => {
  it('an HTML page with status 200', async () => {
    const error = await usersFailure(200, 'text/html', '<html><head><title>Halo - Log in</title></head><body>' + 'x'.repeat(50_000) + '</body></html>');
    expect(error.message).toMatch(/^Halo API GET \/api\/Users\?.* returned an HTML page instead of JSON \("Halo - Log in"\)/);
    expect(error.message.length).toBeLessThan(400);
  });

  it('truncated JSON', async () => {
    const error = await usersFailure(200, 'application/json', '{"page_no":1,"record_count":3,"users":[{"id":1,"name":"A"},{"id":2,"na');
    expect(error.message).toMatch(/^Halo API GET \/api\/Users.* returned invalid JSON \(truncated\?\)/);
  });

  it('a wrapper whose list is not a list, and a missing wrapper', async () => {
    expect((await usersFailure(200, 'application/json', '{"record_count":1,"users":{"id":1}}')).message).toMatch(/GET \/api\/Users.* returned "users" as an object, not a list/);
    expect((await usersFailure(200, 'application/json', '{"record_count":1}')).message).toMatch(/GET \/api\/Users.* returned an object without a "users" list/);
  });

  it('null and non-numeric ids', async () => {
    expect((await usersFailure(200, 'application/json', '{"record_count":1,"users":[{"id":null,"name":"A"}]}')).message).toContain('user #1 with id null');
    expect((await usersFailure(200, 'application/json', '{"record_count":1,"users":[{"id":"x7"}]}')).message).toContain('with id string "x7"');
  });

  it('an error page with a 500 is summarised to its title, and the echoed token is scrubbed', async () => {
    const error = await usersFailure(500, 'text/html', '<html><head><title>Server Error $AUTH</title></head><body>stack…</body></html>');
    expect(error.message).toMatch(/^Halo API GET \/api\/Users\?\S* failed \(500\): Server Error Bearer \[redacted\]/);
    expect(error.retryable).toBe(true);
  });

  it('a 400 with the secret echoed in it keeps Halo’s message and drops the secret', async () => {
    const error = await usersFailure(400, 'application/json', JSON.stringify({ message: `bad request from client with secret ${SECRET}` }));
    expect(error.message).toContain('bad request from client with secret [redacted]');
  });
});

describe('network failures', () => {
  it('connection refused is retried, then reported as such', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const sleeps: number[] = [];
    const c = createHaloClient({
      config: { halo: { url: `http://127.0.0.1:${port}` } },
      env: { HALO_CLIENT_ID: 'x', HALO_CLIENT_SECRET: SECRET },
      rateLimit: 'off',
      sleep: async (ms) => void sleeps.push(ms),
      retry: { maxRetries: 2 },
    });
    const error = await failureOf(() => c.getJson('/api/Users'));
    expect(error.message).toMatch(/^Halo API GET \/api\/authinfo failed: connection refused \(ECONNREFUSED\) \(gave up after 3 attempt/);
    expect(sleeps).toHaveLength(2);
  });
});
