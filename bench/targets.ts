/** Issue 8's targets, checked against the measured results (never assumed). */
import type { BenchResults } from './report.js';
import { sizeLabel } from './generate/index.js';
import { int, mb, ms } from './table.js';

export interface TargetRow {
  target: string;
  measured: string;
  met: 'yes' | 'NO' | 'not measured';
}

const LARGE = 100_000;
const verdict = (ok: boolean): TargetRow['met'] => (ok ? 'yes' : 'NO');

export function evaluateTargets(results: BenchResults): TargetRow[] {
  const rows: TargetRow[] = [];
  const notMeasured = (target: string, how: string) => rows.push({ target, measured: how, met: 'not measured' });

  if (results.plan.length > 0) {
    const worst = Math.max(...results.plan.map((p) => p.overMinimum));
    rows.push({ target: 'plan requests ≤ minimum + 5', measured: results.plan.map((p) => `+${p.overMinimum} at ${sizeLabel(p.size)}`).join(', '), met: verdict(worst <= 5) });
  } else notMeasured('plan requests ≤ minimum + 5', 'run with --only plan');

  const large = results.plan.find((p) => p.size >= LARGE);
  if (large) {
    rows.push({ target: 'plan 100k × 100k ≤ 15 s', measured: `${ms(large.medianWallMs)} (${int(large.googleUsers)} Google, ${int(large.haloUsers + large.haloAgents)} Halo)`, met: verdict(large.medianWallMs <= 15_000) });
    rows.push({ target: 'plan 100k × 100k ≤ 1 GB RSS', measured: `${int(large.maxRssMb)} MB`, met: verdict(large.maxRssMb <= 1024) });
  } else {
    notMeasured('plan 100k × 100k ≤ 15 s', 'add --sizes …,100k');
    notMeasured('plan 100k × 100k ≤ 1 GB RSS', 'add --sizes …,100k');
  }

  const planner = results.planner.find((p) => p.size >= LARGE);
  if (planner) rows.push({ target: 'pure planner ≤ 0.5 s at 100k', measured: ms(planner.medianMs), met: verdict(planner.medianMs <= 500) });
  else notMeasured('pure planner ≤ 0.5 s at 100k', 'add --sizes …,100k');

  const apply = results.apply.find((a) => a.size === 10_000);
  if (apply) {
    rows.push({
      target: 'initial import of 10k in one 5-min window',
      measured: `${int(apply.totalRequests)} requests, ${apply.status429} × 429, ${ms(apply.wallMs)}, exit ${apply.exitCode}`,
      met: verdict(apply.fitsOneWindow),
    });
  } else notMeasured('initial import of 10k in one 5-min window', 'run with --apply-sizes 10k');

  if (results.install) rows.push({ target: 'production install ≤ 30 MB', measured: mb(results.install.totalBytes), met: verdict(results.install.totalBytes <= 30 * 1_048_576) });
  else notMeasured('production install ≤ 30 MB', 'run with --only install');
  return rows;
}
