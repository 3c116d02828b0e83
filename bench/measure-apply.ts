/**
 * `halo-sync apply` of an initial import (Halo empty of people: every placed person is a create)
 * against a sandbox running hosted Halo's limiter (300 requests per rolling 300 s), with the
 * client's own budget on (the default). Counts the write requests against the minimum for the
 * batch size (from the plan of the same world, read first on a separate unlimited sandbox), every
 * Halo request of the run, and the 429s the sandbox answered (must be 0). A plan after the apply
 * shows what is left to do.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_BATCH_SIZE } from '../src/halo/client.js';
import type { Change, Plan } from '../src/plan/types.js';
import type { BenchContext } from './context.js';
import type { World } from './generate/index.js';
import { childEnv } from './measure-plan.js';
import { startSandboxProcess } from './sandbox-process.js';
import { timedRun } from './timed-run.js';

export const HOSTED_LIMIT = { requests: 300, windowSeconds: 300 };

export interface ApplyMeasure {
  size: number;
  batchSize: number;
  userCreates: number;
  agentCreates: number;
  writeRequests: number;
  writeMinimum: number;
  writesByEndpoint: Record<string, number>;
  readRequests: number;
  totalRequests: number;
  status429: number;
  wallMs: number;
  maxRssMb: number;
  exitCode: number | null;
  fitsOneWindow: boolean;
  /** 5-minute windows the run's Halo requests need at 300 a window. */
  windows: number;
  changesAfter: number | null;
}

const batches = (n: number, size: number) => Math.ceil(n / size);

/** The fewest POSTs that carry a plan out: each kind of write in batches; roles of new agents ride in their create. */
export function writeMinimum(plan: Plan, batchSize: number): number {
  const distinct = (pick: (c: Change) => boolean, key: (c: Change) => string) => new Set(plan.changes.filter(pick).map(key)).size;
  const who = (c: Change) => `${c.subject}:${c.haloId ?? c.googleId}`;
  const record = (subject: string, actions: string[]) => distinct((c) => c.subject === subject && actions.includes(c.action), who);
  const existing = (c: Change) => c.haloId !== null;
  const cabs = (side: 'add' | 'remove') => new Set(plan.changes.flatMap((c) => c.cabs[side])).size;
  return (
    batches(record('user', ['create']), batchSize) +
    batches(record('agent', ['create']), batchSize) +
    batches(record('user', ['link', 'update', 'reactivate']), batchSize) +
    batches(record('agent', ['link', 'update', 'reactivate']), batchSize) +
    batches(distinct((c) => existing(c) && c.roles.add.length > 0, who), batchSize) +
    batches(distinct((c) => existing(c) && c.roles.remove.length > 0, who), batchSize) +
    batches(cabs('add'), batchSize) +
    batches(cabs('remove'), batchSize) +
    batches(record('user', ['deactivate']), batchSize) +
    batches(record('agent', ['deactivate']), batchSize) +
    (plan.changes.some((c) => c.action === 'settings') ? 1 : 0)
  );
}

async function planOf(ctx: BenchContext, world: World, configFile: string, sandboxEnv: Record<string, string>, name: string): Promise<Plan> {
  const file = join(ctx.workDir, name);
  const run = await timedRun([ctx.bin, 'plan', '-c', configFile, '--format', 'json'], { cwd: ctx.workDir, env: childEnv(sandboxEnv), stdoutFile: file, preload: ctx.scripts.rssPreload });
  if (run.exitCode !== 0) throw new Error(`plan for the apply measure (${world.size}) exited ${run.exitCode}: ${run.stderr}`);
  return JSON.parse(readFileSync(file, 'utf8')) as Plan;
}

export async function measureApply(ctx: BenchContext, world: World, configFile: string): Promise<ApplyMeasure> {
  const sandboxOptions = { script: ctx.scripts.sandbox, size: world.size, seed: world.seedNumber, variant: 'initial' as const, ...(ctx.customers === undefined ? {} : { customers: ctx.customers }) };
  const reference = await startSandboxProcess({ ...sandboxOptions, rateLimit: 'off' });
  let plan: Plan;
  try {
    plan = await planOf(ctx, world, configFile, reference.env, `apply-plan-${world.size}.json`);
  } finally {
    await reference.stop();
  }
  const sandbox = await startSandboxProcess({ ...sandboxOptions, rateLimit: `${HOSTED_LIMIT.requests}/${HOSTED_LIMIT.windowSeconds}` });
  try {
    const run = await timedRun([ctx.bin, 'apply', '-c', configFile, '--yes'], { cwd: ctx.workDir, env: childEnv(sandbox.env), preload: ctx.scripts.rssPreload });
    const { halo } = await sandbox.stats();
    if (run.exitCode !== 0) process.stderr.write(`bench: apply at ${world.size} exited ${run.exitCode}:\n${run.stderr.slice(-2000)}\n`);
    const writesByEndpoint = Object.fromEntries(Object.entries(halo.byEndpoint).filter(([k]) => k.startsWith('POST /api/')));
    const writeRequests = Object.values(writesByEndpoint).reduce((a, b) => a + b, 0);
    const status429 = halo.byStatus['429'] ?? 0;
    let changesAfter: number | null = null;
    if (run.exitCode === 0) changesAfter = (await planOf(ctx, world, configFile, sandbox.env, `apply-after-${world.size}.json`)).changes.length;
    return {
      size: world.size,
      batchSize: DEFAULT_BATCH_SIZE,
      userCreates: plan.summary.users.create,
      agentCreates: plan.summary.agents.create,
      writeRequests,
      writeMinimum: writeMinimum(plan, DEFAULT_BATCH_SIZE),
      writesByEndpoint,
      readRequests: halo.total - writeRequests,
      totalRequests: halo.total,
      status429,
      wallMs: run.wallMs,
      maxRssMb: run.maxRssMb,
      exitCode: run.exitCode,
      windows: Math.ceil(halo.total / HOSTED_LIMIT.requests),
      fitsOneWindow: run.exitCode === 0 && status429 === 0 && halo.total <= HOSTED_LIMIT.requests && run.wallMs <= HOSTED_LIMIT.windowSeconds * 1000,
      changesAfter,
    };
  } finally {
    await sandbox.stop();
  }
}
