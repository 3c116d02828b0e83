/**
 * The audit trail: the journal lists every operation of a run as it happens (and nothing secret),
 * in the access-preserving order; the status file records the last run; both name the git commit
 * the config came from. The workspace lock keeps two applies from overlapping.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentProgress } from '../../src/app/progress.js';
import { computePlan } from '../../src/app/run-plan.js';
import { PHASES } from '../../src/apply/index.js';
import { exampleSeed, journalLines, startWorld, type Json, type World } from './world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const SECRET = 'e2e-halo-client-secret-3f9a1c7d5b';

describe('the journal', () => {
  it('has one line per operation, in phase order, naming every change, with no secret', async () => {
    const seed = await exampleSeed();
    seed.halo = { ...seed.halo, clientSecret: SECRET };
    world = await startWorld({ seed });
    const { writes, plan } = await computePlan({ configFile: 'halo-sync.yaml', cwd: world.dir, env: world.env, progress: silentProgress });
    const expected =
      (writes.settings ? 1 : 0) + writes.users.length + writes.agents.length + writes.roleAdds.length + writes.cabAdds.length +
      writes.roleRemovals.length + writes.cabRemovals.length + writes.deactivations.users.length + writes.deactivations.agents.length;

    const run = await world.run(['apply', '--yes', '--journal', 'journal.jsonl']);
    expect(run.code).toBe(0);
    const text = await world.read('journal.jsonl');
    const lines = journalLines(text);
    const ops = lines.filter((l) => l.type === 'operation');
    expect(lines[0].type).toBe('start');
    expect(lines[0].changes).toBe(plan.changes.length);
    expect(lines.at(-1)).toMatchObject({ type: 'end', outcome: 'applied', operations: expected, counts: { applied: plan.changes.length, failed: 0 } });
    expect(ops).toHaveLength(expected);
    expect(ops.map((o) => o.seq)).toEqual(ops.map((_, i) => i + 1));
    expect(new Set(lines.map((l) => l.run)).size).toBe(1);

    // Every plan change is carried by some operation; every operation names its batch, sent before it.
    const covered = new Set(ops.flatMap((o) => o.changes.map((c: Json) => c.index)));
    expect([...covered].sort((a, b) => a - b)).toEqual(plan.changes.map((_, i) => i));
    const batchLines = new Map(lines.map((l, i) => [l, i]));
    for (const op of ops) {
      const sent = lines.findIndex((l) => l.type === 'batch' && l.batch.id === op.batch.id);
      expect(sent).toBeGreaterThanOrEqual(0);
      expect(sent).toBeLessThan(batchLines.get(op) as number);
      expect(op).toHaveProperty('outcome', 'applied');
    }

    // Access-preserving order: phases never go backwards; deactivations come after every addition.
    const rank = ops.map((o) => PHASES.indexOf(o.phase));
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
    const lastAddition = Math.max(...ops.filter((o) => ['users', 'agents', 'role-adds', 'cab-adds'].includes(o.phase)).map((o) => o.seq));
    const firstRemoval = Math.min(...ops.filter((o) => ['role-removals', 'cab-removals'].includes(o.phase)).map((o) => o.seq));
    const firstDeactivation = Math.min(...ops.filter((o) => o.kind === 'deactivate').map((o) => o.seq));
    expect(lastAddition).toBeLessThan(firstRemoval);
    expect(firstRemoval).toBeLessThan(firstDeactivation);
    expect(ops.filter((o) => o.kind === 'deactivate').map((o) => o.email).sort()).toEqual(['ravi.menon@brightwater.example', 'tom.fletcher@harbordental.example']);

    for (const forbidden of [SECRET, 'Bearer', 'access_token', 'authorization']) expect(text.toLowerCase()).not.toContain(forbidden.toLowerCase());
  });

  it('is appended to, run after run', async () => {
    world = await startWorld();
    await world.faults([{ endpoint: 'POST /api/Users', status: 500, times: 2 }]);
    expect((await world.run(['apply', '--yes', '--journal', 'journal.jsonl'])).code).toBe(1);
    expect((await world.run(['apply', '--yes', '--journal', 'journal.jsonl'])).code).toBe(0);
    const lines = journalLines(await world.read('journal.jsonl'));
    const runs = [...new Set(lines.map((l) => l.run))];
    expect(runs).toHaveLength(2);
    expect(lines.filter((l) => l.type === 'end').map((l) => l.outcome)).toEqual(['partial', 'applied']);
    const failed = lines.filter((l) => l.type === 'operation' && l.outcome === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0].error).toMatchObject({ service: 'Halo', method: 'POST', path: '/api/Users', status: 500, ambiguous: true });
  });
});

describe('output files', () => {
  it('a journal or status file that cannot be written stops apply before it reads or writes anything', async () => {
    world = await startWorld();
    const journal = await world.run(['apply', '--yes', '--journal', 'no-such-dir/journal.jsonl']);
    expect(journal.code).toBe(1);
    expect(journal.stderr).toMatch(/cannot write the journal .*no-such-dir\/journal\.jsonl: the directory .*no-such-dir does not exist/);
    const status = await world.run(['apply', '--yes', '--status-file', 'halo-sync.yaml/status.json']);
    expect(status.code).toBe(1);
    expect(status.stderr).toContain('is not a directory');
    expect((await world.stats()).total).toBe(0);
  });
});

describe('the status file and the commit', () => {
  it('records the outcome, counts and the git commit of the config', async () => {
    world = await startWorld();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: world!.dir, encoding: 'utf8' }).trim();
    git('init', '-q');
    git('add', 'halo-sync.yaml');
    git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'config');
    const head = git('rev-parse', 'HEAD');

    const run = await world.run(['apply', '--yes', '--status-file', 'status.json', '--journal', 'journal.jsonl']);
    expect(run.code).toBe(0);
    const status = JSON.parse(await world.read('status.json'));
    expect(status).toMatchObject({ outcome: 'applied', counts: { applied: 47, failed: 0, skipped: 0, notAttempted: 0 }, lastError: null, commit: head, configFile: 'halo-sync.yaml' });
    expect(status.configDigest).toMatch(/^sha256:/);
    expect(Date.now() - Date.parse(status.lastRun)).toBeLessThan(60_000);
    expect(journalLines(await world.read('journal.jsonl'))[0].commit).toEqual({ sha: head, source: 'git', dirty: false });

    const again = await world.run(['apply', '--yes', '--status-file', 'status.json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(await world.read('status.json'))).toMatchObject({ outcome: 'no-changes', counts: { applied: 0 }, commit: head });
  });

  it('outside a git repository, names GITHUB_SHA', async () => {
    world = await startWorld();
    const sha = 'a'.repeat(40);
    const run = await world.run(['apply', '--yes', '--status-file', 'status.json'], { env: { GITHUB_SHA: sha } });
    expect(run.code).toBe(0);
    expect(JSON.parse(await world.read('status.json')).commit).toBe(sha);
  });
});

describe('the apply lock', () => {
  it('a second apply fails fast naming the holder, and touches nothing', async () => {
    world = await startWorld();
    await mkdir(join(world.dir, '.halo-sync'));
    const holder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), commit: 'c0ffee', configFile: 'halo-sync.yaml', token: 'other' };
    await writeFile(join(world.dir, '.halo-sync', 'apply.lock'), JSON.stringify(holder));
    const run = await world.run(['apply', '--yes']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`another halo-sync apply is running (pid ${process.pid} on ${hostname()}`);
    expect((await world.stats()).total).toBe(0);
  });

  it('takes over a stale lock with a message, and releases its own', async () => {
    world = await startWorld();
    await mkdir(join(world.dir, '.halo-sync'));
    const old = { pid: 1, host: 'ci-runner-that-died', startedAt: new Date(Date.now() - 3 * 3600_000).toISOString(), commit: null, configFile: 'halo-sync.yaml', token: 'x' };
    await writeFile(join(world.dir, '.halo-sync', 'apply.lock'), JSON.stringify(old));
    const run = await world.run(['apply', '--yes']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Took over a stale apply lock (pid 1 on ci-runner-that-died');
    const next = await world.run(['apply', '--yes']);
    expect(next.code).toBe(0);
    expect(next.stderr).not.toContain('stale');
  });
});
