/**
 * Two applies at once (README "Safety and guarantees"): halo-sync's own guard is an exclusive lock
 * file beside the config (src/app/apply-lock.ts); across CI runners, which share no disk, the apply
 * workflow's `concurrency:` group is the guard. Here: two real `halo-sync apply` processes (the CLI
 * bundled by tests/helpers/cli-bundle.ts) and two in-process runs
 * race on one config directory against a slowed-down sandbox. Exactly one applies; the other fails
 * fast with exit 1 naming the holder and writes nothing; no duplicates; the next plan is empty.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exampleSeed, expectConverged, startWorld, type World } from '../e2e/world.js';
import { buildCliBundle, REPO_ROOT, type CliBundle } from '../helpers/cli-bundle.js';
import { expectNoSecrets, issuedTokens, secretsFromEnv } from '../helpers/secrets.js';

let bundle: CliBundle;
beforeAll(async () => {
  bundle = await buildCliBundle('concurrency');
}, 60_000);
afterAll(() => bundle?.remove());

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** The example world, each Halo and Google answer slowed down so an apply holds the lock for a while. */
async function slowWorld(): Promise<World> {
  const seed = await exampleSeed();
  seed.faults = { latencyMs: 25 };
  return startWorld({ seed });
}

interface ProcessRun {
  pid: number;
  code: number;
  stdout: string;
  stderr: string;
}

function applyProcess(w: World): { pid: number; done: Promise<ProcessRun> } {
  const child = spawn(process.execPath, [bundle.file, 'apply', '--yes', '-c', 'halo-sync.yaml'], { cwd: w.dir, env: { PATH: process.env.PATH ?? '', ...w.env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<ProcessRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ pid: child.pid!, code: code ?? -1, stdout, stderr }));
  });
  return { pid: child.pid!, done };
}

async function lockHolder(w: World): Promise<number | undefined> {
  try {
    return (JSON.parse(await readFile(join(w.dir, '.halo-sync', 'apply.lock'), 'utf8')) as { pid: number }).pid;
  } catch {
    return undefined;
  }
}

const REFUSAL = /another halo-sync apply is running \((pid (\d+) on [^,]+, started [^)]+|a process whose lock file is being written)\); lock .*apply\.lock/;

describe('two applies at once on one config directory', () => {
  it('two processes: the second fails fast naming the first, which applies everything once', async () => {
    world = await slowWorld();
    const first = applyProcess(world);
    // Wait until the first holds the lock, then start the second.
    for (let i = 0; i < 400 && (await lockHolder(world)) !== first.pid; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await lockHolder(world)).toBe(first.pid);
    const started = Date.now();
    const second = await applyProcess(world).done;
    const secondMs = Date.now() - started;
    const winner = await first.done;

    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(REFUSAL);
    expect(second.stderr).toContain(`pid ${first.pid} on `);
    expect(second.stdout).toBe('');
    expect(secondMs, 'the refusal is immediate, not after reading both sides').toBeLessThan(5000);
    expect(winner.code, winner.stdout.slice(-1500) + winner.stderr).toBe(0);
    expect(winner.stdout).toMatch(/Apply complete! \d+ applied, 0 failed, 0 skipped\./);
    expect(await lockHolder(world), 'the winner released the lock').toBeUndefined();
    const tokens = await issuedTokens(world.sandbox.halo.url, world.sandbox.google.url);
    expectNoSecrets({ 'first stdout': winner.stdout, 'first stderr': winner.stderr, 'second stdout': second.stdout, 'second stderr': second.stderr }, [...secretsFromEnv(world.env), ...tokens]);
    await expectConverged(world);
  }, 60_000);

  it('two processes started together: exactly one applies', async () => {
    world = await slowWorld();
    const runs = await Promise.all([applyProcess(world).done, applyProcess(world).done]);
    const codes = runs.map((r) => r.code).sort();
    expect(codes, runs.map((r) => r.stderr).join('\n---\n')).toEqual([0, 1]);
    const loser = runs.find((r) => r.code === 1)!;
    expect(loser.stderr).toMatch(REFUSAL);
    await expectConverged(world);
  }, 60_000);

  it('two in-process runs racing: one applies, the other is refused with exit 1 and writes nothing', async () => {
    world = await slowWorld();
    world.sandbox.halo.resetStats();
    const [a, b] = await Promise.all([world.run(['apply', '--yes', '--status-file', 'a.json']), world.run(['apply', '--yes', '--status-file', 'b.json'])]);
    expect([a.code, b.code].sort()).toEqual([0, 1]);
    const [loser, loserStatus] = a.code === 1 ? [a, 'a.json'] : [b, 'b.json'];
    expect(loser.stderr).toMatch(REFUSAL);
    expect(JSON.parse(await world.read(loserStatus))).toMatchObject({ outcome: 'refused', counts: { applied: 0, failed: 0 } });
    await expectConverged(world);
  }, 60_000);

  it('across CI runners, the apply workflow never runs two applies of one config at once, nor cancels one', async () => {
    const workflow = parse(await readFile(join(REPO_ROOT, '.github/workflows/halo-sync-apply.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, { concurrency?: { group: string; 'cancel-in-progress': boolean }; steps?: Array<{ uses?: string; with?: Record<string, string> }> }> };
    // The schedule, the merge and a manual run all go through this one workflow, so one group covers them.
    expect(Object.keys(workflow.on).sort()).toEqual(['push', 'schedule', 'workflow_dispatch']);
    const applying = Object.values(workflow.jobs).filter((job) => job.steps?.some((s) => s.with?.command === 'apply'));
    expect(applying.length).toBeGreaterThan(0);
    for (const job of applying) {
      expect(job.concurrency?.group).toMatch(/^halo-sync-apply-\$\{\{ matrix\.config \}\}$/);
      expect(job.concurrency?.['cancel-in-progress']).toBe(false);
    }
  });
});
