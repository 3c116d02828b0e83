/**
 * Everything a command needs about this run, worked out once: inputs, event, paths (workspace,
 * working directory, the config's repository-relative key, a temp folder for plan/journal/status
 * files), privacy, the run's URL, known secrets, and the GitHub client.
 */
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { repoPath } from './annotations.js';
import type { ActionEvent } from './event.js';
import { retryFromEnv } from '../app/clients.js';
import { createGitHubApi, type GitHubApi, type GitHubRetryPolicy } from './github.js';
import { privacyFor, type ActionInputs } from './inputs.js';

type Env = Record<string, string | undefined>;

export interface ActionContext {
  inputs: ActionInputs;
  event: ActionEvent;
  env: Env;
  /** The repository root (GITHUB_WORKSPACE, else the current directory). */
  workspace: string;
  /** Where the config path is resolved: the working-directory input. */
  workdir: string;
  /** The config path relative to the repository root, with `/`: the comment key. */
  configKey: string;
  /** The config key as a file-name part, e.g. `customers-acme-yaml`. */
  slug: string;
  /** RUNNER_TEMP/halo-sync (or the OS temp folder): plan, journal, status and lock files. */
  tempDir: string;
  privacy: boolean;
  runUrl: string | null;
  secrets: string[];
  /** Null when there is no token (then nothing is commented). */
  github: GitHubApi | null;
}

export function runUrl(env: Env): string | null {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const repository = env.GITHUB_REPOSITORY ?? '';
  const id = env.GITHUB_RUN_ID ?? '';
  if (!/^https?:\/\/[^\s"<>]+$/.test(server) || !/^[\w.-]+\/[\w.-]+$/.test(repository) || !/^\d+$/.test(id)) return null;
  const attempt = env.GITHUB_RUN_ATTEMPT && /^\d+$/.test(env.GITHUB_RUN_ATTEMPT) && env.GITHUB_RUN_ATTEMPT !== '1' ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : '';
  return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${id}${attempt}`;
}

export function slugOf(configKey: string): string {
  return configKey.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'config';
}

/**
 * HALO_SYNC_RETRY_BASE_MS (read by the API clients' retryFromEnv) shortens the GitHub backoff too;
 * an invalid value is reported by the commands' own clients, so here it just means no override.
 */
function githubRetryFromEnv(env: Env): Partial<GitHubRetryPolicy> | undefined {
  let retry: ReturnType<typeof retryFromEnv>;
  try {
    retry = retryFromEnv(env);
  } catch {
    return undefined;
  }
  if (retry?.baseDelayMs === undefined) return undefined;
  return { baseDelayMs: retry.baseDelayMs, maxDelayMs: Math.max(1_000, retry.maxDelayMs ?? 0) };
}

export function buildContext(inputs: ActionInputs, event: ActionEvent, env: Env, secrets: string[], cwd: string): ActionContext {
  const workspace = resolve(cwd, env.GITHUB_WORKSPACE ?? '.');
  const workdir = resolve(workspace, inputs.workingDirectory);
  const configKey = repoPath({ workspace, workdir }, inputs.config);
  const github =
    inputs.githubToken && event.owner && event.repo
      ? createGitHubApi({ token: inputs.githubToken, baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com', owner: event.owner, repo: event.repo, retry: githubRetryFromEnv(env) })
      : null;
  return {
    inputs,
    event,
    env,
    workspace,
    workdir,
    configKey,
    slug: slugOf(configKey),
    tempDir: resolve(env.RUNNER_TEMP || tmpdir(), 'halo-sync'),
    privacy: privacyFor(inputs.privacy, event.repositoryPrivate),
    runUrl: runUrl(env),
    secrets,
    github,
  };
}
