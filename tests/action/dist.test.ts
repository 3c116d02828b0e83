/**
 * The committed bundle, as GitHub runs it: `node dist/index.js` in a child process under the Node
 * version action.yml declares (24, from the npm registry's `node` package via npx), against the
 * sandbox and the GitHub stand-in running in this process. When Node 24 cannot be fetched (no
 * registry access), the runs use this process's Node and the Node 24 check is skipped, loudly.
 */
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { marker } from '../../src/action/markers.js';
import { collectOutcome, MERGE_SHA, HEAD_SHA, prEvent, pushEvent, REPO, requestTotal, stepEnvironment, useActionWorld, workspace, type ActionOutcome, type ActionRun } from './harness.js';

const DIST = join(REPO, 'dist', 'index.js');

async function findNode24(): Promise<{ path: string; version: string } | null> {
  try {
    const { stdout } = await promisify(execFile)('npx', ['-y', '-p', 'node@24', 'node', '-e', 'console.log(process.execPath + "\\n" + process.version)'], { timeout: 180_000, cwd: REPO });
    const [path, version] = stdout.trim().split('\n');
    return path && version?.startsWith('v24.') ? { path, version } : null;
  } catch (error) {
    console.warn(`Node 24 could not be fetched with npx (${(error as Error).message.split('\n')[0]}); running dist/index.js under ${process.version} instead.`);
    return null;
  }
}

const node24 = await findNode24();
const nodeBinary = node24?.path ?? process.execPath;

function runDist(run: ActionRun): Promise<ActionOutcome> {
  const { env, files } = stepEnvironment(run);
  return new Promise((resolve, reject) => {
    const child = spawn(nodeBinary, [DIST], { cwd: run.workspace, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (stderr.trim() !== '') console.warn(stderr);
      resolve(collectOutcome(code ?? -1, stdout, files));
    });
  });
}

const world = useActionWorld();

describe('dist/index.js as a child process', () => {
  it.skipIf(node24 === null)('runs under Node 24, the version action.yml declares', async () => {
    const run = await runDist({ command: 'validate', event: pushEvent(), workspace: workspace() });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(node24!.version).toMatch(/^v24\./);
    expect(run.outputs.valid).toBe('true');
  });

  it('plans a pull request: one comment on the first run, the same comment edited on the second', async () => {
    const { sandbox, github } = await world();
    const ws = workspace();
    const first = await runDist({ command: 'plan', event: prEvent({ number: 51 }), workspace: ws, env: sandbox.env, github });
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs['has-changes']).toBe('true');
    expect(JSON.parse(first.outputs.summary!)).toMatchObject({ create: 30, deactivate: 2, changes: 47 });
    expect(first.summary).toContain('Plan: 30 to create');
    expect(github.commentsOn(51)).toHaveLength(1);
    const second = await runDist({ command: 'plan', event: prEvent({ number: 51, headSha: 'e'.repeat(40) }), workspace: ws, env: sandbox.env, github });
    expect(second.exitCode).toBe(0);
    expect(github.commentsOn(51)).toHaveLength(1);
    expect(github.commentsOn(51)[0]!.body).toContain('commit eeeeeee');
    expect(github.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(first.masks).toContain(github.token);
  });

  it('refuses apply on a pull_request event without touching the sandbox', async () => {
    const { sandbox, github } = await world();
    const run = await runDist({ command: 'apply', event: prEvent({ number: 52 }), workspace: workspace(), env: sandbox.env, github });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.some((a) => a.kind === 'error' && /Refusing to apply on a pull_request event/.test(a.message))).toBe(true);
    expect(requestTotal(sandbox)).toBe(0);
  });

  it('applies on merge and comments on the merged pull request', async () => {
    const { sandbox, github } = await world();
    const ws = workspace();
    await runDist({ command: 'plan', event: prEvent({ number: 53 }), workspace: ws, env: sandbox.env, github });
    github.pullsForCommit.set(MERGE_SHA, [{ number: 53, merged_at: '2025-01-02T03:04:05Z', merge_commit_sha: MERGE_SHA, head: { sha: HEAD_SHA }, base: { ref: 'main' } }]);
    const run = await runDist({ command: 'apply', event: pushEvent(), workspace: ws, env: sandbox.env, github });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.outcome).toBe('applied');
    const body = github.commentsOn(53).find((c) => c.body.includes(marker('apply', 'halo-sync.yaml')))!.body;
    expect(body).toContain('✅ What was applied matches the reviewed plan (47 changes).');
  });

  it('fails with annotations at file and line for a broken config', async () => {
    const run = await runDist({ command: 'validate', event: pushEvent(), workspace: workspace('version: 1\ngoogle: {}\nhalo: { url: https://x.halopsa.com }\nmappings: []\nbogus: true\n') });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.some((a) => a.kind === 'error' && a.properties.file === 'halo-sync.yaml' && a.properties.line === '5')).toBe(true);
  });
});
