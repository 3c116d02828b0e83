/**
 * Parent side of the bench sandbox: spawns bench/sandbox-child in its own process, reads the
 * exported environment, and reads or resets each server's request statistics over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { parseEnvExports } from '../src/sandbox/index.js';
import type { RequestStats } from '../src/sandbox/server-types.js';
import type { Variant } from './generate/index.js';

export interface SandboxProcess {
  env: Record<string, string>;
  stats(): Promise<{ google: RequestStats; halo: RequestStats }>;
  resetStats(): Promise<void>;
  stop(): Promise<void>;
}

export interface SandboxProcessOptions {
  script: string;
  size: number;
  seed: number;
  variant: Variant;
  /** `300/300` (hosted Halo) or `off`. */
  rateLimit: string;
  customers?: number;
}

function waitForExports(child: ChildProcess, stderr: () => string): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.split('\n').length > 5) {
        child.stdout?.off('data', onData);
        // Whole lines only: the export lines come first, in one write.
        try {
          resolve(parseEnvExports(out.slice(0, out.lastIndexOf('\n'))));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`bench sandbox exited early (${code}): ${stderr()}`)));
  });
}

/** A stats read (GET, the JSON) or reset (DELETE, no body): a refused call is an error either way. */
async function statsCall<T>(url: string, method: 'GET' | 'DELETE' = 'GET'): Promise<T> {
  const response = await fetch(url, { method });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status}`);
  if (method === 'DELETE') return undefined as T;
  return (await response.json()) as T;
}

export async function startSandboxProcess(options: SandboxProcessOptions): Promise<SandboxProcess> {
  const args = [options.script, '--size', String(options.size), '--seed', String(options.seed), '--variant', options.variant, '--rate-limit', options.rateLimit, ...(options.customers === undefined ? [] : ['--customers', String(options.customers)])];
  const child = spawn(process.execPath, ['--max-old-space-size=8192', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let env: Record<string, string>;
  try {
    env = await waitForExports(child, () => stderr);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const google = `${(env.GOOGLE_API_ROOT ?? '').replace(/\/$/, '')}/_sandbox/stats`;
  const halo = `${env.HALO_URL}/_sandbox/stats`;
  return {
    env,
    stats: async () => ({ google: await statsCall<RequestStats>(google), halo: await statsCall<RequestStats>(halo) }),
    resetStats: async () => {
      await statsCall(google, 'DELETE');
      await statsCall(halo, 'DELETE');
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
