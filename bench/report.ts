/** The printed bench report: one table per measure, then the targets with met / missed. */
import type { ApplyMeasure } from './measure-apply.js';
import type { ColdStartMeasure } from './measure-cold.js';
import type { InstallMeasure } from './measure-install.js';
import type { PlanMeasure } from './measure-plan.js';
import type { PlannerMeasure } from './measure-planner.js';
import { sizeLabel } from './generate/index.js';
import { int, mb, ms, ratio, table } from './table.js';
import { evaluateTargets } from './targets.js';

export interface BenchResults {
  date: string;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; memoryGb: number; loadBefore: number[]; loadAfter?: number[] };
  command: string;
  seed: number;
  buildMs?: number;
  plan: PlanMeasure[];
  planner: PlannerMeasure[];
  apply: ApplyMeasure[];
  install?: InstallMeasure;
  coldStart?: ColdStartMeasure;
}

function planTables(plan: PlanMeasure[]): string[] {
  if (plan.length === 0) return [];
  const main = table(
    ['size', 'Google people', 'Halo users', 'agents', 'mappings', 'wall', 'CPU', 'peak RSS', 'requests', 'minimum', 'over', '×min', 'per-person', 'saved', 'changes', 'safe'],
    plan.map((p) => [sizeLabel(p.size), int(p.googleUsers), int(p.haloUsers), int(p.haloAgents), p.mappings, ms(p.medianWallMs), ms(p.medianCpuMs), `${int(p.maxRssMb)} MB`, int(p.requests), int(p.minimum.total), `+${p.overMinimum}`, ratio(p.ratioToMinimum), int(p.perPerson), ratio(p.perPersonRatio), int(p.changes), p.safetyOk ? 'yes' : 'NO']),
    [false, true, true, true, true, true, true, true, true, true, true, true, true, true, true, false],
  );
  const rows = plan.flatMap((p) => p.endpoints.map((e) => [sizeLabel(p.size), e.service, e.endpoint, int(e.actual), int(e.minimum), e.actual - e.minimum === 0 ? '' : `${e.actual - e.minimum > 0 ? '+' : ''}${e.actual - e.minimum}`]));
  const endpoints = table(['size', 'service', 'endpoint', 'actual', 'minimum', 'diff'], rows, [false, false, false, true, true, true]);
  return [
    `PLAN — \`node bin/halo-sync.js plan --format json\` in its own process, sandbox in another (wall: median of ${plan[0]?.runs ?? 1} under 50k, 1 run above; "saved": per-person requests ÷ actual)`,
    main,
    '',
    'PLAN REQUESTS BY ENDPOINT (minimum computed from the generated data: 500 users / 200 members / 1000 Halo users a page)',
    endpoints,
  ];
}

function plannerTable(planner: PlannerMeasure[]): string[] {
  if (planner.length === 0) return [];
  return [
    `PURE PLANNER — buildPlan on in-memory snapshots (median of ${planner[0]?.runsMs.length ?? 0}, gc between runs; "of which digest": snapshotDigest alone, median)`,
    table(
      ['size', 'people (Google+Halo)', 'median', 'min', 'max', 'of which digest', 'ns/person', 'changes', 'same plan each run'],
      planner.map((p) => [sizeLabel(p.size), int(p.googleUsers + p.haloUsers + p.haloAgents), ms(p.medianMs), ms(Math.min(...p.runsMs)), ms(Math.max(...p.runsMs)), ms(p.medianDigestMs), int(p.nsPerPerson), int(p.changes), p.identical ? 'yes' : 'NO']),
      [false, true, true, true, true, true, true, true, false],
    ),
  ];
}

function applyTable(apply: ApplyMeasure[]): string[] {
  if (apply.length === 0) return [];
  return [
    'APPLY — initial import into a Halo empty of people; sandbox limiter 300 requests / 300 s (hosted Halo), client budget on',
    table(
      ['size', 'creates (users+agents)', 'write requests', 'write minimum', 'reads', 'total requests', '429s', 'wall', 'peak RSS', 'exit', 'windows', 'one 5-min window', 'changes left'],
      apply.map((a) => [sizeLabel(a.size), `${int(a.userCreates)}+${int(a.agentCreates)}`, int(a.writeRequests), int(a.writeMinimum), int(a.readRequests), int(a.totalRequests), a.status429, ms(a.wallMs), `${int(a.maxRssMb)} MB`, String(a.exitCode), a.windows, a.fitsOneWindow ? 'yes' : 'no', a.changesAfter ?? '?']),
      [false, true, true, true, true, true, true, true, true, true, true, false, true],
    ),
  ];
}

function otherLines(results: BenchResults): string[] {
  const lines: string[] = [];
  const install = results.install;
  if (install) {
    lines.push(`INSTALL — production dependencies: ${mb(install.totalBytes)} (${install.packages} packages ${mb(install.dependencyBytes)} + halo-sync's own files ${mb(install.ownBytes)}; ${mb(install.totalDiskBytes)} on disk)`);
    lines.push(`  largest: ${install.largest.map((l) => `${l.name} ${mb(l.bytes)}`).join(', ')}`);
  }
  const cold = results.coldStart;
  if (cold) lines.push(`COLD START — \`node bin/halo-sync.js validate\`: median ${ms(cold.medianValidateMs)} of ${cold.runs} (bare \`node -e 0\`: ${ms(cold.medianNodeMs)}), peak RSS ${int(cold.maxRssMb)} MB`);
  return lines;
}

export function renderReport(results: BenchResults): string {
  const m = results.machine;
  const sections = [
    [
      `halo-sync bench — ${results.date}, node ${m.node}, ${m.platform}, ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb} GB; seed ${results.seed}`,
      `load average before ${m.loadBefore.map((l) => l.toFixed(2)).join(' ')}${m.loadAfter ? `, after ${m.loadAfter.map((l) => l.toFixed(2)).join(' ')}` : ''} (other work on the machine inflates wall times; CPU times are steadier)`,
      `command: ${results.command}`,
    ],
    planTables(results.plan),
    plannerTable(results.planner),
    applyTable(results.apply),
    otherLines(results),
    ['TARGETS', table(['target', 'measured', 'met'], evaluateTargets(results).map((t) => [t.target, t.measured, t.met]))],
  ].filter((s) => s.length > 0);
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
}
