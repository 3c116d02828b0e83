/**
 * Runs the Action the way a runner does — `INPUT_*` and `GITHUB_*` variables, an event payload
 * file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, RUNNER_TEMP — either in-process (the src
 * entry, with process.env swapped for the run and stdout captured) or as a child process (the
 * bundled dist/index.js). Workflow commands on stdout (`::error file=…::`, `::add-mask::`) and the
 * output file are parsed back, so tests assert on what GitHub would see.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, vi } from 'vitest';
import { runAction } from '../../src/action/main.js';
import { inputVariable } from '../../src/action/inputs.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { defaultSeedPath, loadSeedFile } from '../../src/sandbox/seed.js';
import type { SandboxSeed } from '../../src/sandbox/seed-types.js';
import { startGitHubStandIn, type GitHubStandIn } from './github-stand-in.js';

export const REPO = resolve(import.meta.dirname, '../..');
export const EXAMPLE_CONFIG = join(REPO, 'halo-sync.yaml');
/** Long enough to be masked and redacted; distinctive enough to search for. */
export const HALO_SECRET = 'halo-secret-5d1e8a7f3c9b2e46';
export const HEAD_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
export const MERGE_SHA = 'f00dfeed00112233445566778899aabbccddeeff';

/** Every temp folder this file's tests made (step files, workspaces): removed once the file is done. */
const tempFolders: string[] = [];
afterAll(() => {
  for (const dir of tempFolders.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempFolders.push(dir);
  return dir;
}

export interface ActionRun {
  command: 'validate' | 'plan' | 'apply';
  event: { name: string; payload: unknown; sha?: string; ref?: string };
  workspace: string;
  inputs?: Record<string, string>;
  /** Credentials and API roots (the sandbox's env), or anything else. */
  env?: Record<string, string>;
  github?: GitHubStandIn;
}

export interface Annotation {
  kind: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionOutcome {
  exitCode: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  masks: string[];
  runnerTemp: string;
}

/** The environment a runner would give the step, plus the files it points at. */
export function stepEnvironment(run: ActionRun): { env: Record<string, string>; files: { output: string; summary: string; temp: string } } {
  const dir = tempFolder('halo-sync-action-step-');
  const files = { output: join(dir, 'output.txt'), summary: join(dir, 'summary.md'), temp: join(dir, 'runner-temp') };
  mkdirSync(files.temp);
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(run.event.payload));
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: run.event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: run.github ? `${run.github.owner}/${run.github.repo}` : 'brightwater/halo-config',
    GITHUB_SHA: run.event.sha ?? HEAD_SHA,
    GITHUB_REF: run.event.ref ?? 'refs/heads/main',
    GITHUB_WORKSPACE: run.workspace,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: files.temp,
    [inputVariable('command')]: run.command,
    ...(run.github ? { GITHUB_API_URL: run.github.url, [inputVariable('github-token')]: run.github.token } : {}),
    ...Object.fromEntries(Object.entries(run.inputs ?? {}).map(([k, v]) => [inputVariable(k), v])),
    ...run.env,
  };
  return { env, files };
}

const RUNNER_VARIABLE = /^(INPUT_|GITHUB_|RUNNER_|HALO_|GOOGLE_)/;

/** The `name<<delimiter … delimiter` records core.setOutput appends to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = /^([^<]+)<<(ghadelimiter_[0-9a-f-]+)$/.exec(lines[i]!);
    if (!start) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== start[2]; i++) value.push(lines[i]!);
    out[start[1]!] = value.join('\n');
  }
  return out;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

/** `::error file=a.yaml,line=3,col=5,title=…::message` lines from stdout. */
export function parseCommands(stdout: string): { annotations: Annotation[]; masks: string[] } {
  const annotations: Annotation[] = [];
  const masks: string[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const [, kind = '', props = '', message = ''] = match;
    if (kind === 'add-mask') {
      masks.push(unescapeData(message));
      continue;
    }
    if (!['error', 'warning', 'notice'].includes(kind)) continue;
    const properties: Record<string, string> = {};
    for (const pair of props ? props.split(',') : []) {
      const at = pair.indexOf('=');
      properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
    }
    annotations.push({ kind, properties, message: unescapeData(message) });
  }
  return { annotations, masks };
}

export function collectOutcome(exitCode: number, stdout: string, files: { output: string; summary: string; temp: string }): ActionOutcome {
  return {
    exitCode,
    stdout,
    outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    ...parseCommands(stdout),
    runnerTemp: files.temp,
  };
}

/** Runs src/action/main.ts in this process with the step's environment; restores everything after. */
export async function runInProcess(run: ActionRun): Promise<ActionOutcome> {
  const { env, files } = stepEnvironment(run);
  const saved = { ...process.env };
  for (const name of Object.keys(process.env)) if (RUNNER_VARIABLE.test(name)) delete process.env[name];
  Object.assign(process.env, env);
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  try {
    const { exitCode } = await runAction(process.env, run.workspace);
    return collectOutcome(exitCode, stdout, files);
  } finally {
    spy.mockRestore();
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

/** A workspace (repository checkout) holding a copy of the example config, or the given text. */
export function workspace(configText?: string, name = 'halo-sync.yaml'): string {
  const dir = tempFolder('halo-sync-action-ws-');
  const path = join(dir, name);
  mkdirSync(resolve(path, '..'), { recursive: true });
  if (configText === undefined) copyFileSync(EXAMPLE_CONFIG, path);
  else writeFileSync(path, configText);
  return dir;
}

export function exampleConfigText(): string {
  return readFileSync(EXAMPLE_CONFIG, 'utf8');
}

let exampleSeed: Promise<SandboxSeed> | undefined;

/** The example world (examples/sandbox-seed.yaml) with a long Halo secret, changed by `edit`. */
export async function exampleSandbox(edit: (seed: SandboxSeed) => void = () => {}): Promise<Sandbox> {
  exampleSeed ??= loadSeedFile(defaultSeedPath());
  const seed = structuredClone(await exampleSeed);
  seed.halo = { ...seed.halo, clientSecret: HALO_SECRET };
  edit(seed);
  return startSandbox({ seed });
}

/**
 * For a test file: a function that starts the example sandbox (edited) and a GitHub stand-in,
 * both closed after each test.
 */
export function useActionWorld(): (edit?: (seed: SandboxSeed) => void) => Promise<{ sandbox: Sandbox; github: GitHubStandIn }> {
  const open: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return async (edit) => {
    const sandbox = await exampleSandbox(edit);
    const github = await startGitHubStandIn();
    open.push(sandbox, github);
    return { sandbox, github };
  };
}

export function requestTotal(sandbox: Sandbox): number {
  return sandbox.halo.stats().total + sandbox.google.stats().total;
}

export function prEvent(options: { number: number; headSha?: string; fork?: boolean; private?: boolean; owner?: string; repo?: string }) {
  const base = `${options.owner ?? 'brightwater'}/${options.repo ?? 'halo-config'}`;
  const head = options.fork ? 'mallory/halo-config' : base;
  return {
    name: 'pull_request',
    sha: 'feedc0de00000000000000000000000000000000', // the test merge commit GitHub checks out
    ref: `refs/pull/${options.number}/merge`,
    payload: {
      action: 'synchronize',
      number: options.number,
      pull_request: {
        number: options.number,
        head: { sha: options.headSha ?? HEAD_SHA, ref: 'feature', repo: { id: options.fork ? 99 : 1, full_name: head, fork: options.fork ?? false } },
        base: { ref: 'main', repo: { id: 1, full_name: base } },
      },
      repository: { id: 1, full_name: base, private: options.private ?? true, default_branch: 'main' },
    },
  };
}

export function pushEvent(options: { sha?: string; ref?: string; defaultBranch?: string; private?: boolean } = {}) {
  return {
    name: 'push',
    sha: options.sha ?? MERGE_SHA,
    ref: options.ref ?? 'refs/heads/main',
    payload: {
      ref: options.ref ?? 'refs/heads/main',
      after: options.sha ?? MERGE_SHA,
      repository: { id: 1, full_name: 'brightwater/halo-config', private: options.private ?? true, default_branch: options.defaultBranch ?? 'main' },
    },
  };
}
