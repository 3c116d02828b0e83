/** The pure planner alone, in its own process (bench/planner-child): median time and ns per person. */
import { spawn } from 'node:child_process';
import type { BenchContext } from './context.js';
import { median } from './timed-run.js';

export interface PlannerMeasure {
  size: number;
  googleUsers: number;
  haloUsers: number;
  haloAgents: number;
  runsMs: number[];
  medianMs: number;
  /** snapshotDigest alone on the same snapshots (part of buildPlan's time). */
  digestMs: number[];
  medianDigestMs: number;
  /** Median time / (Google people + Halo people), nanoseconds: flat when growth is linear. */
  nsPerPerson: number;
  changes: number;
  identical: boolean;
}

export async function measurePlanner(ctx: BenchContext, size: number): Promise<PlannerMeasure> {
  const args = ['--expose-gc', '--max-old-space-size=8192', ctx.scripts.planner, '--size', String(size), '--seed', String(ctx.seed), '--runs', String(ctx.plannerRuns), ...(ctx.customers === undefined ? [] : ['--customers', String(ctx.customers)])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`planner measure at ${size} exited ${code}: ${err}`);
  const result = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Omit<PlannerMeasure, 'medianMs' | 'medianDigestMs' | 'nsPerPerson'>;
  const medianMs = median(result.runsMs);
  return { ...result, medianMs, medianDigestMs: median(result.digestMs), nsPerPerson: (medianMs * 1e6) / Math.max(1, result.googleUsers + result.haloUsers + result.haloAgents) };
}
