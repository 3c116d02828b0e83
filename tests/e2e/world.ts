/**
 * End-to-end harness: a sandbox started in-process from a seed, a config file in a fresh temporary
 * directory (so each test has its own lock, journal and status files), and the real CLI run
 * in-process with `main(argv, io)` against it. Faults are aimed with the sandbox's scripted-fault
 * hook (POST /_sandbox/faults); Halo's state and request counts are read from the in-process
 * sandbox (sandbox.halo.state() / stats()), no HTTP needed.
 *
 * Every `run()` is also a secrets check (tests/helpers/secrets.ts): the sandbox gets a long,
 * distinctive Halo client secret unless the seed names one, and after each command its stdout,
 * stderr and every file it wrote in the world's directory (plan files, journal, status file, lock)
 * are scanned for that secret, the Google token, every access token the sandbox issued and any
 * credential shape; a leak fails the test.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import type { ScriptedRule } from '../../src/sandbox/halo/scripted-faults.js';
import { loadSeedFile } from '../../src/sandbox/seed.js';
import type { SandboxSeed } from '../../src/sandbox/seed-types.js';
import { expectNoSecrets, fileTimes, HARNESS_HALO_SECRET, issuedTokens, secretsFromEnv, writtenFiles } from '../helpers/secrets.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- sandbox state is inspected ad hoc
export type Json = any;

export const EXAMPLE_SEED = 'examples/sandbox-seed.yaml';
export const EXAMPLE_CONFIG = 'halo-sync.yaml';

let exampleSeedCache: SandboxSeed | undefined;

/** A fresh copy of the example seed, to change freely. */
export async function exampleSeed(): Promise<SandboxSeed> {
  exampleSeedCache ??= await loadSeedFile(EXAMPLE_SEED);
  return structuredClone(exampleSeedCache);
}

export async function exampleConfig(): Promise<string> {
  return readFile(EXAMPLE_CONFIG, 'utf8');
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  confirm?: (question: string) => Promise<boolean>;
  env?: Record<string, string>;
}

export interface World {
  dir: string;
  sandbox: Sandbox;
  env: Record<string, string>;
  /** `halo-sync <args>` with `-c <config>` added unless given; cwd is the world's directory. */
  run(args: string[], options?: RunOptions): Promise<CliRun>;
  faults(rules: ScriptedRule[]): Promise<void>;
  clearFaults(): Promise<void>;
  state(): Promise<Json>;
  /** Halo requests by endpoint since the last reset. */
  stats(): Promise<Json>;
  resetStats(): Promise<void>;
  /** Calls the sandbox's Halo API directly (as someone editing Halo by hand would). */
  haloApi(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Json>;
  /** Reads a file in the world's directory. */
  read(name: string): Promise<string>;
  close(): Promise<void>;
}

/** `clock`: the sandbox's clock (token expiry, the 429 window), for tests that let time pass without waiting. */
export async function startWorld(options: { seed?: SandboxSeed; config?: string; clock?: () => number } = {}): Promise<World> {
  const dir = await mkdtemp(join(tmpdir(), 'halo-sync-e2e-'));
  await writeFile(join(dir, 'halo-sync.yaml'), options.config ?? (await exampleConfig()));
  const seed = options.seed ?? (await exampleSeed());
  const sandbox = await startSandbox({ seed: { ...seed, halo: { ...seed.halo, clientSecret: seed.halo?.clientSecret ?? HARNESS_HALO_SECRET } }, ...(options.clock ? { clock: options.clock } : {}) });
  // Tiny retry waits: the scripted faults would otherwise cost real seconds of backoff.
  const env: Record<string, string> = { ...sandbox.env, HALO_SYNC_RETRY_BASE_MS: '1', NO_COLOR: '1' };
  const halo = (path: string, init?: RequestInit) => fetch(`${sandbox.halo.url}${path}`, init);
  return {
    dir,
    sandbox,
    env,
    async run(args, runOptions = {}) {
      let stdout = '';
      let stderr = '';
      const withConfig = args.includes('-c') || args[0] === 'demo' ? args : [...args, '-c', 'halo-sync.yaml'];
      const runEnv = { ...env, ...runOptions.env };
      const before = await fileTimes(dir);
      const code = await main(withConfig, {
        stdout: { write: (t: string) => (stdout += t), isTTY: false },
        stderr: { write: (t: string) => (stderr += t), isTTY: false },
        env: runEnv,
        cwd: dir,
        ...(runOptions.confirm ? { confirm: runOptions.confirm } : {}),
      });
      const secrets = [...secretsFromEnv(env), ...secretsFromEnv(runEnv), ...(await issuedTokens(sandbox.halo.url, sandbox.google.url))];
      expectNoSecrets({ stdout, stderr, ...(await writtenFiles(dir, before)) }, secrets);
      return { code, stdout, stderr };
    },
    async faults(rules) {
      const res = await halo('/_sandbox/faults', { method: 'POST', body: JSON.stringify({ rules }) });
      if (res.status !== 200) throw new Error(`scripted faults refused: ${res.status} ${await res.text()}`);
    },
    clearFaults: async () => void (await halo('/_sandbox/faults', { method: 'DELETE' })),
    state: async () => haloState(sandbox),
    stats: async () => sandbox.halo.stats(),
    resetStats: async () => sandbox.halo.resetStats(),
    async haloApi(method, path, body) {
      const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: env.HALO_CLIENT_ID ?? '', client_secret: env.HALO_CLIENT_SECRET ?? '', scope: 'all' });
      const token = (await (await halo('/auth/token', { method: 'POST', body: form })).json()) as { access_token: string };
      const res = await halo(path, {
        method,
        headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    read: (name) => readFile(join(dir, name), 'utf8'),
    async close() {
      await sandbox.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Halo's records as GET /_sandbox/state answers them: a JSON copy, detached from the live state, so
 * a snapshot taken before a run stays as it was.
 */
export function haloState(sandbox: Sandbox): Json {
  return JSON.parse(JSON.stringify(sandbox.halo.state()));
}

/** Every duplicate among the records halo-sync manages: Google ids, and emails of linked records. */
export function duplicates(state: Json, agentIdField = 'third_party_guid'): string[] {
  const found: string[] = [];
  const check = (label: string, values: Array<string | null | undefined>) => {
    const seen = new Set<string>();
    for (const v of values) {
      if (!v) continue;
      const key = v.trim().toLowerCase();
      if (seen.has(key)) found.push(`${label} ${v}`);
      seen.add(key);
    }
  };
  const users = state.users as Json[];
  const agents = state.agents as Json[];
  check('user googleworkplace_id', users.map((u) => u.googleworkplace_id));
  check('agent ' + agentIdField, agents.map((a) => a[agentIdField]));
  check('linked user email', users.filter((u) => u.googleworkplace_id).map((u) => u.emailaddress));
  check('linked agent email', agents.filter((a) => a[agentIdField]).map((a) => a.email));
  return found;
}

/** `plan --format json`, which must succeed: the plan document. */
export async function planJson(w: World): Promise<Json> {
  const run = await w.run(['plan', '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

/** Converged: planning again finds nothing to do (`--detailed-exitcode` exits 0) and nothing halo-sync manages is duplicated. */
export async function expectConverged(w: World): Promise<void> {
  const again = await w.run(['plan', '--detailed-exitcode']);
  expect(again.code, again.stdout.slice(0, 2000)).toBe(0);
  expect(duplicates(await w.state())).toEqual([]);
}

/** Parses a JSON Lines journal. */
export function journalLines(text: string): Json[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));
}
