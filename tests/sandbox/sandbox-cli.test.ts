/** `halo-sync sandbox` run in-process through main(), with an injected "until interrupted". */
import { createServer } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { SANDBOX_ENV_NAMES } from '../../src/sandbox/index.js';
import { freePort, parseExports, probeGoogle, probeHalo } from './sandbox-cli-helpers.js';

interface Run {
  io: CliIO;
  out: () => string;
  err: () => string;
  /** Resolves once the command waits to be interrupted (servers up, exports printed). */
  started: Promise<void>;
  stop: () => void;
}

function capture(cwd: string, stdoutIsPipe?: boolean): Run {
  let out = '';
  let err = '';
  let markStarted!: () => void;
  let stop!: () => void;
  const started = new Promise<void>((r) => (markStarted = r));
  const stopped = new Promise<void>((r) => (stop = r));
  const io: CliIO = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: {},
    cwd,
    untilInterrupted: () => {
      markStarted();
      return stopped;
    },
    ...(stdoutIsPipe === undefined ? {} : { stdoutIsPipe: () => stdoutIsPipe }),
  };
  return { io, out: () => out, err: () => err, started, stop };
}

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'halo-sync-sandbox-cli-'));
  dirs.push(dir);
  return dir;
}

describe('halo-sync sandbox (in-process)', () => {
  it('prints exactly the five export lines, serves the packaged seed whatever the cwd, and stops cleanly', async () => {
    const run = capture(await tempDir());
    const exit = main(['sandbox', '--halo-port', '0', '--google-port', '0'], run.io);
    await run.started;
    const lines = run.out().split('\n').filter(Boolean);
    expect(lines.map((l) => l.split('=')[0])).toEqual(SANDBOX_ENV_NAMES.map((n) => `export ${n}`));
    const env = parseExports(run.out());
    expect(env.HALO_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env.GOOGLE_API_ROOT).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect([env.HALO_CLIENT_ID, env.HALO_CLIENT_SECRET]).toEqual(['sandbox', 'sandbox']);
    // The example seed (Brightwater IT) is what is served: its Halo users and Brightwater's directory.
    expect(await probeHalo(env)).toBe(14);
    expect(await probeGoogle(env)).toBe(23);
    expect(run.err()).toContain('halo-sync sandbox is running');
    expect(run.err()).toContain(env.HALO_URL);
    expect(run.err()).not.toMatch(/^export /m);

    run.stop();
    expect(await exit).toBe(0);
    expect(run.err()).toMatch(/stopping\n.*stopped\n$/s);
    await expect(fetch(`${env.HALO_URL}/api/authinfo`)).rejects.toThrow();
    await expect(fetch(`${env.GOOGLE_API_ROOT}/admin/directory/v1/users`)).rejects.toThrow();
  });

  it.each([
    [true, 'explains on stderr how to run it in the background when stdout is a pipe (eval "$(halo-sync sandbox)" would wait forever)'],
    [false, 'says nothing about pipes when stdout is a file or a terminal'],
  ])('stdout a pipe: %s — %s', async (pipe) => {
    const run = capture(await tempDir(), pipe);
    const exit = main(['sandbox', '--halo-port', '0', '--google-port', '0'], run.io);
    await run.started;
    run.stop();
    expect(await exit).toBe(0);
    expect(run.err().includes('stdout is a pipe')).toBe(pipe);
    if (pipe) expect(run.err()).toContain('halo-sync sandbox > sandbox.env &');
    expect(run.out()).not.toContain('pipe');
  });

  it('reads --seed relative to the working directory and uses its credentials and ports', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'tiny.json'), JSON.stringify({ halo: { clientId: 'acme-sync', clientSecret: 'p@ss word', sites: [{ id: 1, name: 'HQ' }], users: [{ id: 1, name: 'Ann', site_id: 1 }] } }));
    const port = await freePort();
    const run = capture(dir);
    const exit = main(['sandbox', '--seed', 'tiny.json', '--halo-port', String(port)], run.io);
    await run.started;
    const env = parseExports(run.out());
    expect(env.HALO_URL).toBe(`http://127.0.0.1:${port}`);
    expect(run.out()).toContain("export HALO_CLIENT_SECRET='p@ss word'\n");
    expect(env.HALO_CLIENT_SECRET).toBe('p@ss word');
    expect(await probeHalo(env)).toBe(1);
    run.stop();
    expect(await exit).toBe(0);
  });

  it('prints every seed error and exits 1 without starting anything', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'bad.yaml'), 'hallo: {}\nfaults: { haloErrorRate: 3 }\nhalo:\n  users: [{ id: 1, name: A, site_id: 9 }]\n');
    const run = capture(dir);
    expect(await main(['sandbox', '--seed', 'bad.yaml'], run.io)).toBe(1);
    expect(run.out()).toBe('');
    const errors = run.err().trim().split('\n');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toBe(`${join(dir, 'bad.yaml')}:1:1: error: seed: unknown key 'hallo' (did you mean 'halo'?)`);
    expect(errors[2]).toContain('halo.users[0] (id 1): site_id 9 is not a site in halo.sites');
  });

  it('refuses a bad port and names a port already in use', async () => {
    const bad = capture(await tempDir());
    expect(await main(['sandbox', '--halo-port', 'http'], bad.io)).toBe(1);
    expect(bad.err()).toContain('a port is a whole number');

    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const run = capture(await tempDir());
      expect(await main(['sandbox', '--google-port', String(taken)], run.io)).toBe(1);
      expect(run.err()).toBe(`error: port ${taken} is already in use: choose another with --google-port (0 picks a free port)\n`);
      expect(run.out()).toBe('');
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });
});
