/**
 * `validate`'s cold start: `node bin/halo-sync.js validate -c halo-sync.yaml` (the example config)
 * as a fresh process, N times; the median wall time, next to a bare `node -e 0` for scale (what
 * node itself costs on this machine).
 */
import type { BenchContext } from './context.js';
import { envWithoutCredentials } from './measure-plan.js';
import { median, timedRun } from './timed-run.js';

export interface ColdStartMeasure {
  runs: number;
  validateMs: number[];
  medianValidateMs: number;
  medianNodeMs: number;
  maxRssMb: number;
}

export async function measureColdStart(ctx: BenchContext): Promise<ColdStartMeasure> {
  const options = { cwd: ctx.root, env: envWithoutCredentials(), preload: ctx.scripts.rssPreload };
  const validate = [];
  const bare = [];
  for (let run = 0; run < ctx.coldRuns; run += 1) {
    const result = await timedRun([ctx.bin, 'validate', '-c', 'halo-sync.yaml'], options);
    if (result.exitCode !== 0) throw new Error(`halo-sync validate exited ${result.exitCode}: ${result.stderr}`);
    validate.push(result);
    bare.push(await timedRun(['-e', '0'], options));
  }
  return {
    runs: ctx.coldRuns,
    validateMs: validate.map((r) => r.wallMs),
    medianValidateMs: median(validate.map((r) => r.wallMs)),
    medianNodeMs: median(bare.map((r) => r.wallMs)),
    maxRssMb: Math.max(...validate.map((r) => r.maxRssMb)),
  };
}
