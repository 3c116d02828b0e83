/**
 * `halo-sync plan` on a generated world: the sandbox in one process, `node bin/halo-sync.js plan
 * --format json` in another (measured from outside), requests counted by both servers and set
 * against the minimum for the data and against a per-person tool.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestStats } from '../src/sandbox/server-types.js';
import type { BenchContext } from './context.js';
import type { World } from './generate/index.js';
import { minimumRequests, type MinimumRequests } from './minimum.js';
import { startSandboxProcess } from './sandbox-process.js';
import { median, timedRun } from './timed-run.js';

export interface EndpointRow {
  service: 'google' | 'halo';
  endpoint: string;
  actual: number;
  minimum: number;
}

export interface PlanMeasure {
  size: number;
  runs: number;
  wallMs: number[];
  medianWallMs: number;
  /** halo-sync's own CPU time (user + system), median. */
  medianCpuMs: number;
  maxRssMb: number;
  rssSource: string;
  exitCode: number | null;
  googleUsers: number;
  haloUsers: number;
  haloAgents: number;
  mappings: number;
  endpoints: EndpointRow[];
  requests: number;
  minimum: MinimumRequests;
  overMinimum: number;
  ratioToMinimum: number;
  perPerson: number;
  perPersonRatio: number;
  summary: unknown;
  changes: number;
  warnings: number;
  safetyOk: boolean | null;
  status429: number;
}

/** Our environment without any HALO_* or GOOGLE_* variable: a measured child never sees real credentials. */
export function envWithoutCredentials(): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HALO_') && !k.startsWith('GOOGLE_')));
}

/** The child's environment: ours without any real credentials, plus the sandbox's exports. */
export function childEnv(sandboxEnv: Record<string, string>, extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { ...envWithoutCredentials(), NO_COLOR: '1', ...sandboxEnv, ...extra };
}

export function endpointRows(stats: { google: RequestStats; halo: RequestStats }, minimum: MinimumRequests): EndpointRow[] {
  const rows: EndpointRow[] = [];
  for (const service of ['google', 'halo'] as const) {
    const actual = stats[service].byEndpoint;
    const min = minimum[service];
    for (const endpoint of [...new Set([...Object.keys(min), ...Object.keys(actual)])].sort()) {
      rows.push({ service, endpoint, actual: actual[endpoint] ?? 0, minimum: min[endpoint] ?? 0 });
    }
  }
  return rows;
}

export async function measurePlan(ctx: BenchContext, world: World, configFile: string): Promise<PlanMeasure> {
  const runs = world.size >= 50_000 ? 1 : ctx.planRuns;
  const sandbox = await startSandboxProcess({ script: ctx.scripts.sandbox, size: world.size, seed: world.seedNumber, variant: 'steady', rateLimit: 'off', ...(ctx.customers === undefined ? {} : { customers: ctx.customers }) });
  const planFile = join(ctx.workDir, `plan-${world.size}.json`);
  try {
    const measured = [];
    for (let run = 0; run < runs; run += 1) {
      await sandbox.resetStats();
      measured.push(await timedRun([ctx.bin, 'plan', '-c', configFile, '--format', 'json'], { cwd: ctx.workDir, env: childEnv(sandbox.env), stdoutFile: planFile, preload: ctx.scripts.rssPreload }));
      const last = measured[measured.length - 1];
      if (last?.exitCode !== 0) throw new Error(`halo-sync plan exited ${last?.exitCode} at ${world.size}:\n${last?.stderr}`);
    }
    // The requests of the last run (each run starts from reset counts).
    const stats = await sandbox.stats();
    const plan = JSON.parse(readFileSync(planFile, 'utf8')) as { summary: unknown; changes: unknown[]; warnings: unknown[]; safety?: { ok?: boolean } };
    writeFileSync(planFile, ''); // large at 100k; the summary is kept in the results
    const minimum = minimumRequests(world);
    const requests = stats.google.total + stats.halo.total;
    return {
      size: world.size,
      runs,
      wallMs: measured.map((m) => m.wallMs),
      medianWallMs: median(measured.map((m) => m.wallMs)),
      medianCpuMs: median(measured.map((m) => m.cpuMs)),
      maxRssMb: Math.max(...measured.map((m) => m.maxRssMb)),
      rssSource: measured[0]?.rssSource ?? '',
      exitCode: measured[measured.length - 1]?.exitCode ?? null,
      googleUsers: Object.values(world.seed.google?.customers ?? {}).reduce((n, c) => n + (c.users?.length ?? 0), 0),
      haloUsers: world.seed.halo?.users?.length ?? 0,
      haloAgents: world.seed.halo?.agents?.length ?? 0,
      mappings: (world.config.mappings as unknown[]).length,
      endpoints: endpointRows(stats, minimum),
      requests,
      minimum,
      overMinimum: requests - minimum.total,
      ratioToMinimum: requests / minimum.total,
      perPerson: minimum.perPerson,
      perPersonRatio: minimum.perPerson / requests,
      summary: plan.summary,
      changes: plan.changes.length,
      warnings: plan.warnings.length,
      safetyOk: plan.safety?.ok ?? null,
      status429: (stats.halo.byStatus['429'] ?? 0) + (stats.google.byStatus['429'] ?? 0),
    };
  } finally {
    await sandbox.stop();
  }
}
