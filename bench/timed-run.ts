/**
 * Runs one halo-sync command as its own process and measures it from outside: wall time (spawn to
 * exit, node start-up included, as a user waits for it) and peak RSS, from `/usr/bin/time -v` when
 * the machine has it, else from the child's own process.resourceUsage().maxRSS written at exit by
 * a preloaded module (bench/rss-preload.mjs).
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

export const GNU_TIME = '/usr/bin/time';

export interface TimedRun {
  exitCode: number | null;
  wallMs: number;
  /** Peak resident set size of the halo-sync process, MB (2^20 bytes). */
  maxRssMb: number;
  /** User + system CPU time of the process (GNU time only; NaN otherwise): steadier than wall time on a busy machine. */
  cpuMs: number;
  rssSource: 'gnu-time' | 'resourceUsage';
  stderr: string;
}

export interface TimedRunOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** stdout goes to this file (a plan can be large); default discarded. */
  stdoutFile?: string;
  preload: string;
}

export async function timedRun(nodeArgs: string[], options: TimedRunOptions): Promise<TimedRun> {
  const gnuTime = existsSync(GNU_TIME);
  const rssFile = join(tmpdir(), `halo-sync-bench-rss-${process.pid}-${Date.now()}`);
  const command = gnuTime ? GNU_TIME : process.execPath;
  const args = gnuTime ? ['-v', process.execPath, ...nodeArgs] : ['--import', options.preload, ...nodeArgs];
  const out = options.stdoutFile ? openSync(options.stdoutFile, 'w') : 'ignore';
  const env = { ...options.env, ...(gnuTime ? {} : { HALO_SYNC_BENCH_RSS_FILE: rssFile }) };
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', out, 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const wallMs = performance.now() - started;
  if (typeof out === 'number') closeSync(out);
  let maxRssKb = NaN;
  let cpuMs = NaN;
  if (gnuTime) {
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    maxRssKb = match ? Number(match[1]) : NaN;
    const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
    const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
    if (user && system) cpuMs = (Number(user[1]) + Number(system[1])) * 1000;
    // GNU time appends its report to the child's stderr: keep only what halo-sync wrote.
    stderr = stderr.replace(/\n?\s*Command being timed:[\s\S]*$/, '');
  } else if (existsSync(rssFile)) {
    maxRssKb = Number(readFileSync(rssFile, 'utf8'));
    rmSync(rssFile, { force: true });
  }
  return { exitCode, wallMs, maxRssMb: maxRssKb / 1024, cpuMs, rssSource: gnuTime ? 'gnu-time' : 'resourceUsage', stderr };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
