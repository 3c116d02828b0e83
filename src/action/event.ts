/**
 * What triggered the run, from the runner's environment (GITHUB_*) and the event payload at
 * GITHUB_EVENT_PATH: the event name, the repository, the pull request (and whether it comes from
 * a fork), the default branch. `parseEvent` is pure; `readEvent` only adds reading the file.
 *
 * Fork detection: a pull request whose head repository is not the base repository (or whose head
 * repository was deleted) is from a fork. That is what decides whether credentials may be used.
 */
import { readFile } from 'node:fs/promises';

type Env = Record<string, string | undefined>;

export interface PullRequestInfo {
  number: number;
  headSha: string | null;
  /** `owner/name` of the head repository; null when it was deleted. */
  headRepository: string | null;
  baseRepository: string | null;
  fromFork: boolean;
}

export interface ActionEvent {
  /** GITHUB_EVENT_NAME: pull_request, push, schedule, workflow_dispatch, … */
  name: string;
  owner: string;
  repo: string;
  /** GITHUB_SHA and GITHUB_REF. */
  sha: string;
  ref: string;
  /** From the payload; null when the payload does not say (older schedule payloads). */
  defaultBranch: string | null;
  /** True for private and internal repositories; null when unknown. */
  repositoryPrivate: boolean | null;
  pullRequest: PullRequestInfo | null;
}

export const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
/** Where merged config runs: push and workflow_dispatch only on the default branch (applyAllowed). */
const APPLY_EVENTS = new Set(['push', 'schedule', 'workflow_dispatch']);

type Json = Record<string, unknown>;
const object = (value: unknown): Json | null => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null);
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function repoName(repo: unknown): string | null {
  return text(object(repo)?.full_name);
}

function pullRequestOf(payload: Json): PullRequestInfo | null {
  const pr = object(payload.pull_request);
  if (!pr) return null;
  const number = typeof pr.number === 'number' ? pr.number : typeof payload.number === 'number' ? payload.number : null;
  if (number === null) return null;
  const head = object(pr.head);
  const base = object(pr.base);
  const headRepository = repoName(head?.repo);
  const baseRepository = repoName(base?.repo) ?? repoName(payload.repository);
  const headId = object(head?.repo)?.id;
  const baseId = object(base?.repo)?.id;
  const sameById = typeof headId === 'number' && typeof baseId === 'number' ? headId === baseId : null;
  const sameByName = headRepository !== null && baseRepository !== null && headRepository.toLowerCase() === baseRepository.toLowerCase();
  return {
    number,
    headSha: text(head?.sha),
    headRepository,
    baseRepository,
    fromFork: headRepository === null || !(sameById ?? sameByName),
  };
}

export function parseEvent(env: Env, payload: unknown): ActionEvent {
  const body = object(payload) ?? {};
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? repoName(body.repository) ?? '').split('/');
  const repository = object(body.repository);
  const name = env.GITHUB_EVENT_NAME ?? '';
  return {
    name,
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    defaultBranch: text(repository?.default_branch) ?? text(repository?.master_branch),
    repositoryPrivate: typeof repository?.private === 'boolean' ? repository.private : null,
    pullRequest: PULL_REQUEST_EVENTS.has(name) ? pullRequestOf(body) : null,
  };
}

export async function readEvent(env: Env): Promise<ActionEvent> {
  const path = env.GITHUB_EVENT_PATH;
  let payload: unknown = {};
  if (path) {
    try {
      payload = JSON.parse(await readFile(path, 'utf8'));
    } catch {
      payload = {}; // no payload: decisions that need one refuse with their own message
    }
  }
  return parseEvent(env, payload);
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/**
 * Apply writes to Halo, so it runs only where the config has been reviewed and merged: a push to
 * the default branch, the schedule (always on the default branch), or a manual run of the default
 * branch. Never on a pull request (safe-settings#378 applied for real from a PR job).
 */
export function applyAllowed(event: ActionEvent): Verdict {
  const where = 'apply runs only on a push to the default branch, on a schedule, or on a manual run (workflow_dispatch) of the default branch';
  if (PULL_REQUEST_EVENTS.has(event.name)) {
    return { ok: false, reason: `Refusing to apply on a ${event.name} event: nothing unmerged may change Halo. Use command: plan on pull requests; ${where}.` };
  }
  if (!APPLY_EVENTS.has(event.name)) return { ok: false, reason: `Refusing to apply on a ${event.name || 'unknown'} event: ${where}.` };
  if (event.name === 'schedule') return { ok: true };
  if (event.defaultBranch === null) {
    return { ok: false, reason: `Refusing to apply: the ${event.name} event does not name the repository's default branch, so it cannot be checked that ${event.ref || 'this ref'} is it; ${where}.` };
  }
  if (event.ref !== `refs/heads/${event.defaultBranch}`) {
    return { ok: false, reason: `Refusing to apply from ${event.ref || 'an unknown ref'}: only the default branch (${event.defaultBranch}) holds reviewed config; ${where}.` };
  }
  return { ok: true };
}
