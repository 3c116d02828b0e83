/**
 * Shared pieces for the doctor tests: the example sandbox (examples/sandbox-seed.yaml) with seed
 * changes, doctor run in-process through the real CLI, a service-account key made here (node:crypto)
 * whose delegated JWT exchange is sent to the sandbox's /token (GOOGLE_OAUTH_TOKEN_URL), and config
 * variants of the example halo-sync.yaml written to a temp folder.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { DoctorCheck } from '../../src/doctor/index.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { defaultSeedPath, loadSeedFile } from '../../src/sandbox/seed.js';
import type { SandboxSeed } from '../../src/sandbox/seed-types.js';
import { expectNoSecrets, issuedTokens, secretsFromEnv } from '../helpers/secrets.js';

export const REPO = resolve(import.meta.dirname, '../..');
export const EXAMPLE_CONFIG = join(REPO, 'halo-sync.yaml');
export const TMP = mkdtempSync(join(tmpdir(), 'halo-sync-doctor-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
/** Long enough to be redacted (short values such as `sandbox` are not), distinctive enough to find. */
export const HALO_SECRET = 'halo-secret-7f3a9c2e5b81d4f6';
export const SUBJECT = 'margaret.okafor@brightwater.example';
export const CLIENT_ID = '104857600000000000042';
export const CLIENT_EMAIL = 'halo-sync@brightwater-sync.iam.gserviceaccount.com';

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
/** A line from inside the PEM body: it must never appear in any output. */
export const PRIVATE_KEY_FRAGMENT = privateKey.split('\n')[3] as string;

export function writeTemp(name: string, text: string): string {
  const path = join(TMP, name);
  writeFileSync(path, text);
  return path;
}

export const SERVICE_ACCOUNT_KEY = writeTemp('sa.json', JSON.stringify({
  type: 'service_account',
  project_id: 'brightwater-sync',
  private_key_id: 'k1',
  private_key: privateKey,
  client_email: CLIENT_EMAIL,
  client_id: CLIENT_ID,
}));

let exampleSeed: Promise<SandboxSeed> | undefined;
const running: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

/** The example world, changed by `edit` (a deep copy: tests never share state). */
export async function sandbox(edit: (seed: SandboxSeed) => void = () => {}): Promise<Sandbox> {
  exampleSeed ??= loadSeedFile(defaultSeedPath());
  const seed = structuredClone(await exampleSeed);
  seed.halo = { ...seed.halo, clientSecret: HALO_SECRET };
  edit(seed);
  const started = await startSandbox({ seed });
  running.push(started);
  return started;
}

/** The sandbox's environment (static Google token), with no gcloud credentials to stumble on. */
export function staticEnv(sb: Sandbox, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { ...sb.env, HOME: join(TMP, 'no-home'), ...extra };
}

/** A service account acting as SUBJECT, its JWT exchange sent to the sandbox's /token. */
export function serviceAccountEnv(sb: Sandbox, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const { GOOGLE_ACCESS_TOKEN: _static, ...rest } = sb.env;
  return {
    ...rest,
    HOME: join(TMP, 'no-home'),
    GOOGLE_APPLICATION_CREDENTIALS: SERVICE_ACCOUNT_KEY,
    GOOGLE_ADMIN_SUBJECT: SUBJECT,
    GOOGLE_OAUTH_TOKEN_URL: `${sb.google.url}/token`,
    ...extra,
  };
}

/** The example config with text replaced (each `from` must occur), written to a temp file. */
export function configVariant(name: string, replacements: Array<[string, string]>): string {
  let text = readFileSync(EXAMPLE_CONFIG, 'utf8');
  for (const [from, to] of replacements) {
    expect(text, `example config holds ${from}`).toContain(from);
    text = text.replace(from, to);
  }
  return writeTemp(name, text);
}

export interface DoctorRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runDoctorCli(env: Record<string, string | undefined>, args: string[] = []): Promise<DoctorRun> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env, cwd: REPO };
  const code = await main(['doctor', ...args], io);
  // Every doctor run is a secrets check: credentials, the key's PEM body and every issued token.
  const tokens = await issuedTokens(...running.flatMap((s) => [s.halo.url, s.google.url]));
  expectNoSecrets({ stdout, stderr }, [...secretsFromEnv(env), HALO_SECRET, PRIVATE_KEY_FRAGMENT, ...tokens]);
  return { code, stdout, stderr };
}

export interface DoctorJson {
  ok: boolean;
  summary: Record<string, number>;
  checks: DoctorCheck[];
}

/** Runs `doctor --format json` and returns the document plus a check finder that fails loudly. */
export async function doctorJson(env: Record<string, string | undefined>, args: string[] = []) {
  const run = await runDoctorCli(env, [...args, '--format', 'json']);
  const report = JSON.parse(run.stdout) as DoctorJson;
  const find = (id: string): DoctorCheck => {
    const found = report.checks.find((c) => c.id === id);
    if (!found) throw new Error(`no check ${id} in ${report.checks.map((c) => c.id).join(', ')}`);
    return found;
  };
  return { ...run, report, find };
}

/** A loopback port with nothing listening on it (bound, then released). */
export { freePort as closedPort } from '../helpers/ports.js';
