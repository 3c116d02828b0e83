/**
 * command: apply, in-process over the sandbox and the GitHub stand-in: refused on pull requests and
 * off the default branch; on merge it re-plans, applies, writes the journal and status files, and
 * comments on the merged pull request how the applied plan compares with the reviewed one; on a
 * schedule it comments nothing; with a saved plan it applies exactly that plan or refuses (exit 3).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { marker } from '../../src/action/markers.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import type { GitHubStandIn } from './github-stand-in.js';
import { exampleConfigText, HEAD_SHA, MERGE_SHA, prEvent, pushEvent, requestTotal, runInProcess, useActionWorld, workspace } from './harness.js';

const world = useActionWorld();

const haloWrites = (sandbox: Sandbox) =>
  Object.entries(sandbox.halo.stats().byEndpoint)
    .filter(([endpoint]) => /^(POST|PUT|PATCH|DELETE) \/api\//.test(endpoint))
    .reduce((n, [, count]) => n + count, 0);

function merged(github: GitHubStandIn, number: number, headSha = HEAD_SHA): void {
  github.pullsForCommit.set(MERGE_SHA, [{ number, merged_at: '2025-01-02T03:04:05Z', merge_commit_sha: MERGE_SHA, head: { sha: headSha }, base: { ref: 'main' } }]);
}

const scheduleEvent = { name: 'schedule', sha: MERGE_SHA, ref: 'refs/heads/main', payload: { schedule: '17 * * * *' } };

describe('apply refuses where nothing is reviewed and merged', () => {
  it.each([
    ['a pull_request event', prEvent({ number: 41 }), /Refusing to apply on a pull_request event/],
    ['a pull_request_target event', { ...prEvent({ number: 41 }), name: 'pull_request_target' }, /Refusing to apply on a pull_request_target event/],
    ['a push to another branch', pushEvent({ ref: 'refs/heads/feature' }), /only the default branch \(main\)/],
    ['a manual run of another branch', { ...pushEvent({ ref: 'refs/heads/feature' }), name: 'workflow_dispatch' }, /only the default branch \(main\)/],
    ['an unsupported event', { ...pushEvent(), name: 'release' }, /Refusing to apply on a release event/],
  ])('on %s, without reading or writing anything', async (_, event, reason) => {
    const { sandbox, github } = await world();
    const run = await runInProcess({ command: 'apply', event, workspace: workspace(), env: sandbox.env, github });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.filter((a) => a.kind === 'error').map((a) => a.message).join('\n')).toMatch(reason);
    expect(requestTotal(sandbox)).toBe(0);
    expect(github.requests).toEqual([]);
    expect(run.summary).toContain('refused');
  });
});

describe('apply on merge', () => {
  it('applies, writes journal and status, and says on the merged pull request that it matches the review', async () => {
    const { sandbox, github } = await world();
    const ws = workspace();
    const planned = await runInProcess({ command: 'plan', event: prEvent({ number: 42 }), workspace: ws, env: sandbox.env, github });
    expect(planned.exitCode).toBe(0);
    merged(github, 42);
    const run = await runInProcess({ command: 'apply', event: pushEvent(), workspace: ws, env: sandbox.env, github });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(haloWrites(sandbox)).toBeGreaterThan(0);
    expect(run.outputs.outcome).toBe('applied');
    expect(run.outputs['has-changes']).toBe('true');
    const journal = readFileSync(run.outputs.journal!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type?: string; kind?: string });
    expect(journal.length).toBeGreaterThan(2);
    const status = JSON.parse(readFileSync(run.outputs['status-file']!, 'utf8')) as { outcome: string; commit: string; configFile: string };
    expect(status).toMatchObject({ outcome: 'applied', commit: MERGE_SHA, configFile: 'halo-sync.yaml' });
    expect(run.summary).toContain('✅ **Applied:** 47 applied, 0 failed, 0 skipped.');

    const comments = github.commentsOn(42);
    expect(comments).toHaveLength(2);
    const applyComment = comments.find((c) => c.body.includes(marker('apply', 'halo-sync.yaml')))!;
    expect(applyComment.body).toContain('### halo-sync apply for `halo-sync.yaml` after merging #42');
    expect(applyComment.body).toContain('✅ What was applied matches the reviewed plan (47 changes).');

    // Applied: the next plan has nothing to do.
    const after = await runInProcess({ command: 'plan', event: pushEvent(), workspace: ws, env: sandbox.env, github });
    expect(after.outputs['has-changes']).toBe('false');
  });

  it('says how the applied plan differs when the config changed after the last plan, and edits its comment on a re-run', async () => {
    const { sandbox, github } = await world();
    await runInProcess({ command: 'plan', event: prEvent({ number: 43 }), workspace: workspace(), env: sandbox.env, github });
    merged(github, 43, 'd'.repeat(40));
    // The merged config no longer maps Keystone Legal.
    const text = exampleConfigText();
    const start = text.indexOf('  # End users: Keystone Legal');
    const mergedConfig = text.slice(0, start) + text.slice(text.indexOf('# Google field -> Halo field'));
    const ws = workspace(mergedConfig);
    const run = await runInProcess({ command: 'apply', event: pushEvent(), workspace: ws, env: sandbox.env, github });
    expect(run.exitCode, run.stdout).toBe(0);
    const body = github.commentsOn(43).find((c) => c.body.includes(marker('apply', 'halo-sync.yaml')))!.body;
    expect(body).toContain('What was applied differs from the reviewed plan');
    expect(body).toContain('Reviewed but not applied');
    expect(body).toContain('The config changed after the last reviewed plan');
    expect(body).toContain('The last plan was made for commit a1b2c3d, but #43 was merged at ddddddd');

    const again = await runInProcess({ command: 'apply', event: pushEvent(), workspace: ws, env: sandbox.env, github });
    expect(again.exitCode).toBe(0);
    expect(again.outputs.outcome).toBe('no-changes');
    expect(github.commentsOn(43)).toHaveLength(2);
    expect(github.commentsOn(43).find((c) => c.body.includes(marker('apply', 'halo-sync.yaml')))!.body).toContain('Nothing to apply');
  });

  it('compares by fingerprint alone in privacy mode', async () => {
    const { sandbox, github } = await world();
    const ws = workspace();
    await runInProcess({ command: 'plan', event: prEvent({ number: 44, private: false }), workspace: ws, env: sandbox.env, github });
    merged(github, 44);
    const run = await runInProcess({ command: 'apply', event: pushEvent({ private: false }), workspace: ws, env: sandbox.env, github });
    expect(run.exitCode).toBe(0);
    const body = github.commentsOn(44).find((c) => c.body.includes(marker('apply', 'halo-sync.yaml')))!.body;
    expect(body).toMatch(/✅ Same as reviewed: the applied plan has the reviewed plan's fingerprint \([0-9a-f]{12}, 47 changes\)/);
    expect(body).not.toMatch(/@(harbordental|keystonelegal|brightwater)/);
    expect(run.summary).not.toMatch(/@(harbordental|keystonelegal|brightwater)/);
  });

  it('comments that no reviewed plan exists after a merge that was never planned, and says nothing on a direct push', async () => {
    const { sandbox, github } = await world();
    merged(github, 45);
    await runInProcess({ command: 'apply', event: pushEvent(), workspace: workspace(), env: sandbox.env, github });
    expect(github.commentsOn(45)[0]!.body).toContain('No reviewed plan for `halo-sync.yaml` was found on #45');
    github.pullsForCommit.clear();
    github.requests.length = 0;
    const direct = await runInProcess({ command: 'apply', event: pushEvent(), workspace: workspace(), env: sandbox.env, github });
    expect(direct.exitCode).toBe(0);
    expect(github.requests.map((r) => r.method)).toEqual(['GET']);
    expect(direct.stdout).toContain('a direct push');
  });
});

describe('apply on a schedule', () => {
  it('applies without commenting anywhere', async () => {
    const { sandbox, github } = await world();
    const run = await runInProcess({ command: 'apply', event: scheduleEvent, workspace: workspace(), env: sandbox.env, github });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.outcome).toBe('applied');
    expect(github.requests).toEqual([]);
    expect(run.summary).toContain('schedule');
  });

  it('fails the step, with the status file saying why, when Halo cannot be read', async () => {
    const { sandbox, github } = await world((seed) => {
      seed.faults = { haloErrorRate: 1, seed: 3 };
    });
    const run = await runInProcess({ command: 'apply', event: scheduleEvent, workspace: workspace(), env: { ...sandbox.env, HALO_SYNC_RETRY_BASE_MS: '1' }, github });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.some((a) => a.kind === 'error' && /Halo API/.test(a.message))).toBe(true);
    const status = JSON.parse(readFileSync(run.outputs['status-file']!, 'utf8')) as { outcome: string; lastError: string };
    expect(status.outcome).toBe('failed');
    expect(status.lastError).toMatch(/Halo API/);
    expect(haloWrites(sandbox)).toBe(0);
  });
});

describe('apply with a saved plan (strict)', () => {
  it('refuses a stale plan with exit 3 and the differences, changing nothing', async () => {
    const { sandbox, github } = await world();
    const planned = await runInProcess({ command: 'plan', event: pushEvent(), workspace: workspace(), env: sandbox.env, github });
    const changed = exampleConfigText().replace('{ from: organizations.title, to: jobtitle }', '{ from: organizations.department, to: jobtitle }');
    const run = await runInProcess({ command: 'apply', event: { ...pushEvent(), name: 'workflow_dispatch' }, workspace: workspace(changed), env: sandbox.env, github, inputs: { plan: planned.outputs['plan-file']! } });
    expect(run.exitCode).toBe(3);
    expect(run.outputs.outcome).toBe('refused');
    const error = run.annotations.find((a) => a.kind === 'error')!;
    expect(error.message).toMatch(/Apply refused: The reviewed plan .* is stale/);
    expect(error.message).toMatch(/jobtitle/);
    expect(haloWrites(sandbox)).toBe(0);
    expect(run.summary).toContain('⛔ **Apply refused** (the reviewed plan is stale)');
  });

  it('applies exactly the saved plan when it is still current', async () => {
    const { sandbox, github } = await world();
    const ws = workspace();
    const planned = await runInProcess({ command: 'plan', event: pushEvent(), workspace: ws, env: sandbox.env, github });
    const run = await runInProcess({ command: 'apply', event: { ...pushEvent(), name: 'workflow_dispatch' }, workspace: ws, env: sandbox.env, github, inputs: { plan: planned.outputs['plan-file']! } });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.outcome).toBe('applied');
    expect(run.summary).toContain('exactly the saved plan');
  });

  it('refuses a plan over the safety limits with exit 3 and the violated limit', async () => {
    const { sandbox, github } = await world();
    const strict = exampleConfigText().replace('maxDeactivations: 5', 'maxDeactivations: 1');
    const run = await runInProcess({ command: 'apply', event: scheduleEvent, workspace: workspace(strict), env: sandbox.env, github });
    expect(run.exitCode).toBe(3);
    expect(run.annotations.find((a) => a.kind === 'error')!.message).toMatch(/over the safety limits/);
    expect(haloWrites(sandbox)).toBe(0);
    expect(run.outputs.safe).toBe('false');
  });
});
