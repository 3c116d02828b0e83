/**
 * Secrets never leak (issue 9). The scanner (tests/helpers/secrets.ts) is built into every harness
 * that runs a command (e2e World.run, the doctor and validate helpers, demo): here it is shown to
 * catch leaks, and then pointed at the paths most likely to leak: every artifact of a run (plan in
 * all formats, journal, status file, lock), a service-account key's exchange, a wrong client
 * secret, a refused Google token exchange, and a real process run with Node's debug logging on.
 */
import { generateKeyPairSync } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exampleSeed, startWorld, type World } from '../e2e/world.js';
import { buildCliBundle, type CliBundle } from '../helpers/cli-bundle.js';
import { expectNoSecrets, fileTimes, findSecrets, HARNESS_HALO_SECRET, issuedTokens, pemBodyLines, secretsFromEnv } from '../helpers/secrets.js';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
const SUBJECT = 'margaret.okafor@brightwater.example';
const WRONG_SECRET = 'wrong-client-secret-Zx81Qw0PLm29';

let keyDir: string;
let keyFile: string;
beforeAll(async () => {
  keyDir = await mkdtemp(join(tmpdir(), 'halo-sync-secrets-'));
  keyFile = join(keyDir, 'sa.json');
  await writeFile(keyFile, JSON.stringify({ type: 'service_account', project_id: 'p', private_key_id: 'k1', private_key: privateKey, client_email: 'sync@p.iam.gserviceaccount.com', client_id: '1048576' }));
});
afterAll(() => rm(keyDir, { recursive: true, force: true }));

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** The sandbox env switched from the static Google token to the service-account key. */
function serviceAccountEnv(w: World): Record<string, string> {
  return { GOOGLE_ACCESS_TOKEN: '', GOOGLE_APPLICATION_CREDENTIALS: keyFile, GOOGLE_ADMIN_SUBJECT: SUBJECT, GOOGLE_OAUTH_TOKEN_URL: `${w.sandbox.google.url}/token`, HOME: keyDir };
}

describe('the scanner', () => {
  it('finds secret values and credential shapes, and lets redacted ones and short words be', () => {
    const leaks = (text: string, secrets: string[] = []) => findSecrets({ out: text }, secrets).map((l) => l.what);
    expect(leaks(`secret=${HARNESS_HALO_SECRET}`, [HARNESS_HALO_SECRET])).toEqual(['secret value #1 (38 chars)']);
    expect(leaks(privateKey)).toEqual(['a PEM private key']);
    expect(leaks(`key line ${pemBodyLines(privateKey)[5]}`, pemBodyLines(privateKey))).toHaveLength(1);
    expect(leaks('GET /api/Users\nAuthorization: Bearer abc')).toContain('an Authorization header');
    expect(leaks('sent Bearer eyJhbGciOiJSUzI1NiJ9.payload')).toEqual(['an unredacted bearer token']);
    expect(leaks('{"access_token":"ya29.a0AfH6SM"}')).toEqual(['an unredacted JSON credential']);
    expect(leaks('grant_type=client_credentials&client_secret=s3cr3t-value')).toEqual(['an unredacted form credential']);
    expect(leaks('Bearer [redacted] and {"access_token":"[redacted]"} and client_secret=[redacted]')).toEqual([]);
    expect(leaks('the sandbox answered', ['sandbox'])).toEqual([]);
    expect(() => expectNoSecrets({ stdout: `x ${HARNESS_HALO_SECRET} y` }, [HARNESS_HALO_SECRET])).toThrow(/secret leak:\n {2}secret value #1 \(38 chars\) in stdout: …x \[SECRET\] y…/);
  });

  it('is built into the e2e harness: a run whose output or files hold a credential fails the test', async () => {
    const seed = await exampleSeed();
    // Someone new names themselves like a credential header: the plan prints it, the harness must notice.
    const amira = seed.google!.customers!.C03hrbr01!.users!.find((u) => u.primaryEmail.startsWith('amira.hassan@'))!;
    amira.name = { givenName: 'Authorization: Basic dXNlcjpwYXNzd29yZA==', familyName: 'Leak' };
    world = await startWorld({ seed });
    await expect(world.run(['plan'])).rejects.toThrow(/secret leak:\n {2}an Authorization header in stdout/);
    await expect(world.run(['plan', '--format', 'json', '--out', 'plan.json'])).rejects.toThrow(/an Authorization header in file plan\.json/);
  });

  it('a secret value that reaches a printer is redacted by halo-sync itself', async () => {
    const seed = await exampleSeed();
    const amira = seed.google!.customers!.C03hrbr01!.users!.find((u) => u.primaryEmail.startsWith('amira.hassan@'))!;
    amira.name = { givenName: HARNESS_HALO_SECRET, familyName: 'Leak' };
    world = await startWorld({ seed });
    const run = await world.run(['plan']); // the harness would throw if the secret were printed
    expect(run.stdout).toMatch(/firstname: +"\[redacted\]"/);
  });
});

describe('nothing a run prints or writes holds a secret', () => {
  it('plan in every format, apply with journal and status file, explain: all scanned, none leaks', async () => {
    world = await startWorld();
    for (const format of ['text', 'markdown', 'json']) expect((await world.run(['plan', '--format', format, '--out', `plan-${format}.json`])).code).toBe(0);
    expect((await world.run(['apply', '--yes', '--journal', 'journal.jsonl', '--status-file', 'status.json'])).code).toBe(0);
    expect((await world.run(['explain', 'grace.mensah@brightwater.example'])).code).toBe(0);
    // What the harness scanned after each command (files it wrote):
    const files = [...(await fileTimes(world.dir)).keys()].map((p) => p.slice(world!.dir.length + 1)).sort();
    expect(files).toEqual(expect.arrayContaining(['journal.jsonl', 'plan-json.json', 'plan-markdown.json', 'plan-text.json', 'status.json']));
    expect(await issuedTokens(world.sandbox.halo.url)).not.toHaveLength(0); // there were tokens to look for
  });

  it('a service-account key: its exchange works, and no key material or minted token appears anywhere', async () => {
    world = await startWorld();
    const env = serviceAccountEnv(world);
    const plan = await world.run(['plan', '--out', 'plan.json'], { env });
    expect(plan.code, plan.stderr).toBe(0);
    const apply = await world.run(['apply', '--yes', '--journal', 'journal.jsonl'], { env });
    expect(apply.code, apply.stdout.slice(-800)).toBe(0);
    expect(await issuedTokens(world.sandbox.google.url)).not.toHaveLength(0); // Google tokens were minted from the key
    expect(secretsFromEnv({ ...world.env, ...env }).length).toBeGreaterThan(20); // the PEM body lines are looked for
  });

  it('a wrong Halo client secret: plan, apply and doctor fail clearly without echoing it', async () => {
    world = await startWorld();
    const env = { HALO_CLIENT_SECRET: WRONG_SECRET };
    for (const args of [['plan'], ['apply', '--yes', '--status-file', 'status.json'], ['doctor']]) {
      const run = await world.run(args, { env });
      expect(run.code, args.join(' ')).toBe(1);
      expect(`${run.stdout}${run.stderr}`, args.join(' ')).toMatch(/invalid_client|client id or secret|HALO_CLIENT_SECRET/i);
    }
    expect(await world.read('status.json')).toMatch(/"outcome": "failed"/);
  });

  it('a refused Google token exchange (unauthorized_client): the error names the fix, never the key or the assertion', async () => {
    const seed = await exampleSeed();
    seed.simulate = { googleTokenError: 'unauthorized_client' };
    world = await startWorld({ seed });
    const run = await world.run(['plan'], { env: serviceAccountEnv(world) });
    expect(run.code).toBe(0); // every Google read refused: incomplete, so nobody is touched
    const doctor = await world.run(['doctor'], { env: serviceAccountEnv(world) });
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain('unauthorized_client');
    expect(doctor.stdout).not.toMatch(/eyJ[A-Za-z0-9_-]{20,}/); // no JWT assertion
  });
});

describe('a real process with Node debug logging on', () => {
  let bundle: CliBundle;
  beforeAll(async () => {
    bundle = await buildCliBundle('secrets');
  }, 60_000);
  afterAll(() => bundle?.remove());

  function runProcess(w: World, args: string[], extraEnv: Record<string, string>): Promise<{ code: number; out: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [bundle.file, ...args, '-c', 'halo-sync.yaml'], { cwd: w.dir, env: { PATH: process.env.PATH ?? '', ...w.env, ...serviceAccountEnv(w), ...extraEnv } });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
      child.once('error', reject);
      child.once('close', (code) => resolve({ code: code ?? -1, out }));
    });
  }

  it('NODE_DEBUG=http (Node then prints request headers) or GOOGLE_SDK_NODE_LOGGING: commands that send credentials refuse to start', async () => {
    world = await startWorld();
    for (const nodeDebug of ['http', 'net', 'HTTPS', 'fetch,tls', 'ht*']) {
      const run = await runProcess(world, ['plan'], { NODE_DEBUG: nodeDebug });
      expect(run.code, nodeDebug).toBe(1);
      expect(run.out, nodeDebug).toMatch(/^error: NODE_DEBUG enables Node's .* debug logging, which prints every request's headers/);
    }
    const google = await runProcess(world, ['apply', '--yes'], { GOOGLE_SDK_NODE_LOGGING: 'all' });
    expect(google.code).toBe(1);
    expect(google.out).toMatch(/^error: GOOGLE_SDK_NODE_LOGGING makes Google's client libraries log token responses/);
    expect(world.sandbox.halo.stats().total + world.sandbox.google.stats().total).toBe(0); // not one request sent
    expect((await runProcess(world, ['validate'], { NODE_DEBUG: 'http' })).code).toBe(0); // offline commands still run
  }, 60_000);

  it('NODE_DEBUG=fetch,undici and DEBUG=*: plan and apply run, and print no secret, token or header', async () => {
    world = await startWorld();
    const debug = { NODE_DEBUG: 'fetch,undici,stream', DEBUG: '*' };
    const plan = await runProcess(world, ['plan'], debug);
    expect(plan.code, plan.out.slice(-1500)).toBe(0);
    const apply = await runProcess(world, ['apply', '--yes', '--journal', 'journal.jsonl'], debug);
    expect(apply.code, apply.out.slice(-1500)).toBe(0);
    const tokens = await issuedTokens(world.sandbox.halo.url, world.sandbox.google.url);
    expect(tokens.length).toBeGreaterThan(1);
    expectNoSecrets({ 'plan output': plan.out, 'apply output': apply.out, journal: await world.read('journal.jsonl') }, [...secretsFromEnv({ ...world.env, ...serviceAccountEnv(world) }), ...tokens]);
  }, 60_000);
});
