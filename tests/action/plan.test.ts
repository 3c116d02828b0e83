/**
 * command: plan, in-process over the sandbox (examples/sandbox-seed.yaml + halo-sync.yaml) and the
 * GitHub stand-in: one sticky comment per config, edited in place; outputs, job summary and plan
 * file; the reviewed-plan record; privacy; comment: false; a failed plan replaces the old one; the
 * safety verdict; spoofed markers; pagination; one comment per config file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { marker, planFingerprint, readReviewed } from '../../src/action/markers.js';
import { parsePlanJson, summaryCounts } from '../../src/render/index.js';
import type { GitHubStandIn } from './github-stand-in.js';
import { exampleConfigText, HALO_SECRET, HEAD_SHA, prEvent, requestTotal, runInProcess, useActionWorld, workspace } from './harness.js';

const world = useActionWorld();

const writes = (github: GitHubStandIn) => github.requests.filter((r) => r.method === 'POST' || r.method === 'PATCH');

describe('plan on a pull request', () => {
  it('creates one comment on the first run and edits the same comment on the next', async () => {
    const { sandbox, github } = await world();
    const ws = workspace();
    const first = await runInProcess({ command: 'plan', event: prEvent({ number: 7 }), workspace: ws, env: sandbox.env, github });
    expect(first.exitCode, first.stdout).toBe(0);
    expect(github.commentsOn(7)).toHaveLength(1);
    const [comment] = github.commentsOn(7);
    expect(comment!.body).toContain(marker('plan', 'halo-sync.yaml'));
    expect(comment!.body).toContain('### halo-sync plan for `halo-sync.yaml`');
    expect(comment!.body).toContain('commit a1b2c3d');

    const second = await runInProcess({ command: 'plan', event: prEvent({ number: 7, headSha: 'b'.repeat(40) }), workspace: ws, env: sandbox.env, github });
    expect(second.exitCode).toBe(0);
    expect(github.commentsOn(7)).toHaveLength(1);
    expect(github.commentsOn(7)[0]!.id).toBe(comment!.id);
    expect(github.commentsOn(7)[0]!.body).toContain('commit bbbbbbb');
    expect(readReviewed(github.commentsOn(7)[0]!.body)?.head).toBe('b'.repeat(40));
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(second.outputs['comment-url']).toBe(comment!.html_url);
  });

  it('leaves the comment untouched when a re-run has nothing new to say (no edit, no notification)', async () => {
    const { sandbox, github } = await world();
    await runInProcess({ command: 'plan', event: prEvent({ number: 18 }), workspace: workspace(), env: sandbox.env, github });
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 18 }), workspace: workspace(), env: sandbox.env, github });
    expect(run.exitCode).toBe(0);
    expect(writes(github).map((r) => r.method)).toEqual(['POST']);
    expect(run.stdout).toContain('plan comment for halo-sync.yaml already up to date');
  });

  it('writes the outputs, the job summary and the plan file, and records the reviewed plan in the comment', async () => {
    const { sandbox, github } = await world();
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 8 }), workspace: workspace(), env: sandbox.env, github });
    expect(run.exitCode).toBe(0);
    const parsed = parsePlanJson(readFileSync(run.outputs['plan-file']!, 'utf8'));
    expect(parsed.errors).toEqual([]);
    const plan = parsed.plan!;
    expect(run.outputs['has-changes']).toBe('true');
    expect(run.outputs.summary).not.toContain('\n');
    expect(JSON.parse(run.outputs.summary!)).toEqual(summaryCounts(plan));
    expect(run.outputs.safe).toBe('true');
    expect(run.outputs.privacy).toBe('false');
    expect(run.summary).toContain('### halo-sync plan for halo\\-sync\\.yaml');
    expect(run.summary).toContain('amira\\.hassan@harbordental\\.example');
    expect(run.summary).toContain('Plan: 30 to create');

    const body = github.commentsOn(8)[0]!.body;
    const reviewed = readReviewed(body)!;
    expect(reviewed.fingerprint).toBe(planFingerprint(plan));
    expect(reviewed.head).toBe(HEAD_SHA);
    expect(reviewed.changes).toBe(plan.changes.length);
    expect(reviewed.plan).toEqual(plan);
    // A plan warning (an ambiguous match in the example) becomes a warning annotation.
    expect(run.annotations.some((a) => a.kind === 'warning' && a.properties.title === 'halo-sync: ambiguous-match')).toBe(true);
  });

  it('masks every secret first and never shows one in the comment, the summary or the outputs', async () => {
    const { sandbox, github } = await world();
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 9 }), workspace: workspace(), env: sandbox.env, github });
    expect(run.masks).toEqual(expect.arrayContaining([HALO_SECRET, github.token, sandbox.env.GOOGLE_ACCESS_TOKEN]));
    expect(run.stdout.indexOf('::add-mask::')).toBe(0);
    for (const text of [github.commentsOn(9)[0]!.body, run.summary, JSON.stringify(run.outputs), run.stdout.replace(/^::add-mask::.*$/gm, '')]) {
      expect(text).not.toContain(HALO_SECRET);
      expect(text).not.toContain(github.token);
    }
  });

  it('keeps personal data out of the comment, summary and log in privacy mode (auto: public repository)', async () => {
    const { sandbox, github } = await world();
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 10, private: false }), workspace: workspace(), env: sandbox.env, github });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.privacy).toBe('true');
    const body = github.commentsOn(10)[0]!.body;
    for (const text of [body, run.summary, run.stdout]) {
      expect(text).not.toMatch(/harbordental|keystonelegal|brightwater\\?\.example/);
      expect(text).not.toContain('Amira');
    }
    expect(body).toContain('Harbor Dental - Main Clinic'.replace(/-/g, '\\-'));
    const reviewed = readReviewed(body)!;
    expect(reviewed.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(reviewed.plan).toBeNull(); // the compressed plan is personal data: never in privacy mode
    expect(body).not.toContain('halo-sync:reviewed-plan');
  });

  it('posts nothing with comment: false, and still writes the summary and outputs', async () => {
    const { sandbox, github } = await world();
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 11 }), workspace: workspace(), env: sandbox.env, github, inputs: { comment: 'false' } });
    expect(run.exitCode).toBe(0);
    expect(github.requests).toEqual([]);
    expect(run.outputs['has-changes']).toBe('true');
    expect(run.summary).toContain('Plan: ');
  });

  it('turns config errors into annotations at file and line, fails, and replaces the old plan in the comment', async () => {
    const { sandbox, github } = await world();
    const ws = workspace();
    await runInProcess({ command: 'plan', event: prEvent({ number: 12 }), workspace: ws, env: sandbox.env, github });
    const broken = exampleConfigText().replace('lifecycle:\n', 'lifecycel:\n');
    const line = broken.split('\n').findIndex((l) => l.startsWith('lifecycel:')) + 1;
    const before = requestTotal(sandbox);
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 12 }), workspace: workspace(broken), env: sandbox.env, github });
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.kind === 'error' && a.properties.file === 'halo-sync.yaml');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((a) => a.properties.line === String(line) && a.properties.col === '1' && /lifecycel/.test(a.message))).toBe(true);
    expect(requestTotal(sandbox)).toBe(before); // nothing read with a broken config
    expect(github.commentsOn(12)).toHaveLength(1);
    const body = github.commentsOn(12)[0]!.body;
    expect(body).toContain('❌ failed');
    expect(body).toContain('lifecycel');
    expect(readReviewed(body)).toBeNull(); // the old reviewed plan is gone with the old plan
    expect(run.outputs['has-changes']).toBeUndefined();
  });

  it('names a failed config with a backtick safely in the job summary heading, as the comment does', async () => {
    const { sandbox, github } = await world();
    const config = 'odd`name.yaml';
    const broken = exampleConfigText().replace('lifecycle:\n', 'lifecycel:\n');
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 17 }), workspace: workspace(broken, config), env: sandbox.env, github, inputs: { config } });
    expect(run.exitCode).toBe(1);
    // A raw backtick would close the code span early and let the rest of the name render as Markdown.
    expect(run.summary).toContain("### halo-sync plan for `odd'name.yaml`: ❌ failed");
    expect(run.summary).not.toContain('odd`name');
    expect(github.commentsOn(17)[0]!.body).toContain("### halo-sync plan for `odd'name.yaml`: ❌ failed");
  });

  it('lists a failed config by place and code only in privacy mode (the message may quote a person)', async () => {
    const { sandbox, github } = await world();
    const broken = exampleConfigText().replace('lifecycle:\n', 'lifecycel:\n');
    const line = broken.split('\n').findIndex((l) => l.startsWith('lifecycel:')) + 1;
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 18, private: false }), workspace: workspace(broken), env: sandbox.env, github });
    expect(run.exitCode).toBe(1);
    const body = github.commentsOn(18)[0]!.body;
    const listed = body.split('\n').filter((l) => l.startsWith('- '));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.map((l) => l.replace(/\\/g, ''))).toContain(`- halo-sync.yaml:${line}:1: error unknown-key`);
    for (const text of [body, run.summary]) expect(text).not.toContain('lifecycel');
  });

  it('fails the step (exit 3) with the reason when the plan is over the safety limits, and still shows it', async () => {
    const { sandbox, github } = await world();
    const strict = exampleConfigText().replace('maxDeactivations: 5', 'maxDeactivations: 1');
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 13 }), workspace: workspace(strict), env: sandbox.env, github });
    expect(run.exitCode).toBe(3);
    expect(run.outputs.safe).toBe('false');
    expect(run.annotations.some((a) => a.kind === 'error' && /over the safety limits/.test(a.message) && /apply would refuse it/.test(a.message))).toBe(true);
    expect(github.commentsOn(13)[0]!.body).toMatch(/deactivat/i);
  });

  it("ignores a marker in someone else's comment: never edits it, never trusts it", async () => {
    const { sandbox, github } = await world();
    const forged = github.addComment(14, `${marker('plan', 'halo-sync.yaml')}\n<!-- halo-sync:reviewed v=1 fingerprint=sha256:${'0'.repeat(64)} head=unknown changes=0 -->`, 'mallory');
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 14 }), workspace: workspace(), env: sandbox.env, github });
    expect(run.exitCode).toBe(0);
    expect(github.commentsOn(14)).toHaveLength(2);
    expect(github.comments.find((c) => c.id === forged.id)!.body).toContain('0'.repeat(64));
    expect(github.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it('finds its comment again behind several pages of other comments', async () => {
    const { sandbox, github } = await world();
    for (let i = 0; i < 150; i++) github.addComment(15, `review remark ${i}`, 'reviewer');
    await runInProcess({ command: 'plan', event: prEvent({ number: 15 }), workspace: workspace(), env: sandbox.env, github });
    for (let i = 0; i < 120; i++) github.addComment(15, `more remarks ${i}`, 'reviewer');
    github.requests.length = 0;
    await runInProcess({ command: 'plan', event: prEvent({ number: 15, headSha: 'c'.repeat(40) }), workspace: workspace(), env: sandbox.env, github });
    expect(github.commentsOn(15).filter((c) => c.user.login === github.login)).toHaveLength(1);
    expect(github.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'PATCH']); // page 2 of 100 holds comment 151
  });

  it('keeps one comment per config file: two configs in one pull request get two comments', async () => {
    const { sandbox, github } = await world();
    const ws = workspace(exampleConfigText(), 'customers/acme.yaml');
    const other = workspace(exampleConfigText(), 'customers/keystone.yaml');
    for (const [dir, config] of [[ws, 'customers/acme.yaml'], [other, 'customers/keystone.yaml']] as const) {
      for (let round = 0; round < 2; round++) await runInProcess({ command: 'plan', event: prEvent({ number: 16 }), workspace: dir, env: sandbox.env, github, inputs: { config } });
    }
    const comments = github.commentsOn(16);
    expect(comments).toHaveLength(2);
    expect(comments[0]!.body).toContain(marker('plan', 'customers/acme.yaml'));
    expect(comments[1]!.body).toContain(marker('plan', 'customers/keystone.yaml'));
  });

  it('still succeeds, with a warning, when the token may not comment', async () => {
    const { sandbox, github } = await world();
    github.readOnly = true;
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 17 }), workspace: workspace(), env: sandbox.env, github });
    expect(run.exitCode).toBe(0);
    expect(run.annotations.some((a) => a.kind === 'warning' && /pull-requests: write/.test(a.message) && /403/.test(a.message))).toBe(true);
    expect(run.summary).toContain('Plan: ');
    expect(writes(github).map((r) => r.status)).toEqual([403]);
  });
});
