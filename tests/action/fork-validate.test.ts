/**
 * Fork pull requests never plan and never touch credentials (the sandbox sees zero requests, and
 * the Google key path points at nothing, so any use would fail loudly); they get the offline check
 * and a comment explaining how a maintainer brings the change in. command: validate is offline too.
 */
import { describe, expect, it } from 'vitest';
import { marker } from '../../src/action/markers.js';
import { exampleConfigText, prEvent, pushEvent, requestTotal, runInProcess, useActionWorld, workspace } from './harness.js';

const actionWorld = useActionWorld();

async function world() {
  const { sandbox, github } = await actionWorld();
  // Credentials that would fail loudly if anything tried to use them for Google.
  const env = { ...sandbox.env, GOOGLE_APPLICATION_CREDENTIALS: '/nonexistent/fork-must-never-read-this.json', GOOGLE_ADMIN_SUBJECT: 'admin@brightwater.example' };
  return { sandbox, github, env };
}

describe('a pull request from a fork', () => {
  it('gets no plan and uses no credentials: the offline check and an explaining comment instead', async () => {
    const { sandbox, github, env } = await world();
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 21, fork: true }), workspace: workspace(), env, github });
    expect(run.exitCode).toBe(0);
    expect(requestTotal(sandbox)).toBe(0);
    expect(run.outputs['plan-file']).toBeUndefined();
    expect(run.outputs['has-changes']).toBe('false');
    expect(run.outputs.valid).toBe('true');
    const [comment, ...more] = github.commentsOn(21);
    expect(more).toEqual([]);
    expect(comment!.body).toContain('not run for a fork');
    expect(comment!.body).toContain('mallory/halo\\-config');
    expect(comment!.body).toContain('a maintainer');
    expect(comment!.body).toContain(marker('plan', 'halo-sync.yaml'));
    expect(comment!.body).not.toContain('halo-sync:reviewed');
    expect(run.summary).toContain('✅ valid');
    expect(run.annotations.some((a) => a.kind === 'warning' && /comes from a fork/.test(a.message))).toBe(true);
  });

  it('is refused credentials on pull_request_target too, where the token could write', async () => {
    const { sandbox, github, env } = await world();
    const event = prEvent({ number: 22, fork: true });
    const run = await runInProcess({ command: 'plan', event: { ...event, name: 'pull_request_target' }, workspace: workspace(), env, github });
    expect(run.exitCode).toBe(0);
    expect(requestTotal(sandbox)).toBe(0);
    expect(github.commentsOn(22)[0]!.body).toContain('not run for a fork');
  });

  it('treats a pull request whose head repository was deleted as a fork', async () => {
    const { sandbox, github, env } = await world();
    const event = prEvent({ number: 23 });
    (event.payload.pull_request.head as { repo: unknown }).repo = null;
    const run = await runInProcess({ command: 'plan', event, workspace: workspace(), env, github });
    expect(run.exitCode).toBe(0);
    expect(requestTotal(sandbox)).toBe(0);
  });

  it('fails with annotations when the fork broke the config, still without credentials', async () => {
    const { sandbox, github, env } = await world();
    const broken = exampleConfigText().replace('    agent: true\n', '    agent: yes please\n');
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 24, fork: true }), workspace: workspace(broken), env, github });
    expect(run.exitCode).toBe(1);
    expect(requestTotal(sandbox)).toBe(0);
    expect(run.annotations.some((a) => a.kind === 'error' && a.properties.file === 'halo-sync.yaml' && Number(a.properties.line) > 0)).toBe(true);
    expect(github.commentsOn(24)[0]!.body).toMatch(/❌ \d+ errors?/);
  });

  it('is fine when the read-only fork token cannot comment: the summary explains', async () => {
    const { github, env } = await world();
    github.readOnly = true;
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 25, fork: true }), workspace: workspace(), env, github });
    expect(run.exitCode).toBe(0);
    expect(github.commentsOn(25)).toEqual([]);
    expect(run.summary).toContain('halo-sync validate');
  });
});

describe('command: validate', () => {
  it('checks offline: annotations at file, line and column, a failed step, no network at all', async () => {
    const { sandbox, github } = await world();
    const text = exampleConfigText().replace('  maxDeactivations: 5', '  maxDeactivations: -5\n  maxDeactivatons: 5');
    const lines = text.split('\n');
    const typo = lines.findIndex((l) => l.includes('maxDeactivatons')) + 1;
    const run = await runInProcess({ command: 'validate', event: pushEvent(), workspace: workspace(text), env: sandbox.env, github });
    expect(run.exitCode).toBe(1);
    expect(requestTotal(sandbox)).toBe(0);
    expect(github.requests).toEqual([]);
    const errors = run.annotations.filter((a) => a.kind === 'error' && a.properties.file === 'halo-sync.yaml');
    expect(errors.some((a) => a.properties.line === String(typo) && a.properties.col === '3')).toBe(true);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(run.outputs.valid).toBe('false');
    expect(run.summary).toContain('❌');
  });

  it('passes a valid config, and annotates a config in a sub-folder with its repository path', async () => {
    const ws = workspace(exampleConfigText(), 'configs/acme/halo-sync.yaml');
    const run = await runInProcess({ command: 'validate', event: pushEvent(), workspace: ws, inputs: { 'working-directory': 'configs/acme' } });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.valid).toBe('true');
    expect(run.stdout).toContain('halo-sync validate · config configs/acme/halo-sync.yaml');
    const broken = workspace(exampleConfigText().replace('version: 1', 'version: 2'), 'configs/acme/halo-sync.yaml');
    const bad = await runInProcess({ command: 'validate', event: pushEvent(), workspace: broken, inputs: { 'working-directory': 'configs/acme' } });
    expect(bad.exitCode).toBe(1);
    expect(bad.annotations.find((a) => a.kind === 'error')?.properties.file).toBe('configs/acme/halo-sync.yaml');
  });

  it('reports every bad input at once and does nothing else', async () => {
    const run = await runInProcess({ command: 'validate', event: pushEvent(), workspace: workspace(), inputs: { command: 'deploy', comment: 'maybe', 'comment-max-chars': '999999' } });
    expect(run.exitCode).toBe(1);
    const messages = run.annotations.filter((a) => a.kind === 'error').map((a) => a.message);
    expect(messages).toHaveLength(3);
    expect(messages.join('\n')).toMatch(/command must be validate, plan or apply/);
    expect(run.summary).toBe('');
  });
});

describe('debug logging that would print credentials', () => {
  it('plan refuses to start while NODE_DEBUG logs http (request headers carry the tokens): no request, an error annotation', async () => {
    const { sandbox, github, env } = await world();
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 31 }), workspace: workspace(), env: { ...env, NODE_DEBUG: 'http' }, github });
    expect(run.exitCode).toBe(1);
    expect(requestTotal(sandbox)).toBe(0);
    expect(run.annotations.some((a) => a.kind === 'error' && /NODE_DEBUG/.test(a.message))).toBe(true);
  });

  it('validate still runs (it sends no credentials)', async () => {
    const { github, env } = await world();
    const run = await runInProcess({ command: 'validate', event: prEvent({ number: 32 }), workspace: workspace(), env: { ...env, NODE_DEBUG: 'http' }, github });
    expect(run.exitCode).toBe(0);
  });
});
