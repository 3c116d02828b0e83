/**
 * Parent side of the bench sandbox: spawns bench/sandbox-child in its own process, reads the
 * exported environment, and reads or resets each server's request statistics over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
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

function parseExports(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^export ([A-Z_]+)=(?:'([^']*)'|(\S*))$/.exec(line);
    if (match?.[1]) env[match[1]] = match[2] ?? match[3] ?? '';
  }
  return env;
}

function waitForExports(child: ChildProcess, stderr: () => string): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.split('\n').length > 5) {
        child.stdout?.off('data', onData);
        resolve(parseExports(out));
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`bench sandbox exited early (${code}): ${stderr()}`)));
  });
}

async function getJson<T>(url: string, method = 'GET'): Promise<T> {
  const response = await fetch(url, { method });
  if (method === 'DELETE') return undefined as T;
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status}`);
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
    stats: async () => ({ google: await getJson<RequestStats>(google), halo: await getJson<RequestStats>(halo) }),
    resetStats: async () => {
      await getJson(google, 'DELETE');
      await getJson(halo, 'DELETE');
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
