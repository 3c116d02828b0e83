/**
 * `halo-sync sandbox` as a real child process: started, used over HTTP on both servers, then sent
 * SIGINT. The CLI is bundled first (tests/helpers/cli-bundle.ts). The bundle sits two folders below
 * the repository root, like lib/sandbox/seed.js, so the packaged-seed lookup resolves the same way
 * as when installed.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBundle, type CliBundle } from '../helpers/cli-bundle.js';
import { parseExports, probeGoogle, probeHalo } from './sandbox-cli-helpers.js';

let bundle: CliBundle;
let workDir = '';

beforeAll(async () => {
  bundle = await buildCliBundle('sandbox');
  workDir = await mkdtemp(join(tmpdir(), 'halo-sync-sandbox-process-'));
});

afterAll(async () => {
  await bundle?.remove();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Resolves with stdout once `lines` newline-terminated lines arrived; rejects if the process ends first. */
function firstLines(child: ChildProcessWithoutNullStreams, lines: number, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.split('\n').length > lines) {
        child.stdout.off('data', onData);
        resolve(out);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`sandbox exited early (${code}): ${stderr()}`)));
  });
}

describe('halo-sync sandbox (child process)', () => {
  it('serves both APIs from the packaged seed, then closes and exits 0 on SIGINT', async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HALO_') && !k.startsWith('GOOGLE_')));
    const child = spawn(process.execPath, [bundle.file, 'sandbox', '--halo-port', '0', '--google-port', '0'], { cwd: workDir, env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const stdout = await firstLines(child, 5, () => stderr);
      const exported = parseExports(stdout);
      expect(Object.keys(exported)).toEqual(['HALO_URL', 'HALO_CLIENT_ID', 'HALO_CLIENT_SECRET', 'GOOGLE_API_ROOT', 'GOOGLE_ACCESS_TOKEN']);
      expect(await probeHalo(exported)).toBe(14);
      expect(await probeGoogle(exported)).toBe(23);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(stderr).toContain('halo-sync sandbox: stopped');
      // The child's stdout is a pipe here, as in `eval "$(halo-sync sandbox)"`: the hint is on stderr.
      expect(stderr).toContain('Note: stdout is a pipe');
      await expect(fetch(`${exported.HALO_URL}/api/authinfo`)).rejects.toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
