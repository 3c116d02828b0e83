/**
 * Which reviewed commit a run's config came from, so every change in Halo traces back to one:
 * `git rev-parse HEAD` in the config's directory (noting when the config file differs from that
 * commit, i.e. it was edited and not committed, or is not tracked at all), else `GITHUB_SHA`
 * (an Action whose checkout has no .git), else unknown. Git failing or missing is not an error.
 */
import { execFile } from 'node:child_process';
import { basename, dirname } from 'node:path';

export interface CommitInfo {
  sha: string;
  source: 'git' | 'GITHUB_SHA';
  /** True when the config file has uncommitted changes or is untracked; null when unknown. */
  dirty: boolean | null;
}

const GIT_TIMEOUT_MS = 5000;

function git(args: string[], cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: GIT_TIMEOUT_MS, windowsHide: true, maxBuffer: 1 << 20 }, (error, stdout) => {
      resolve(error ? undefined : String(stdout));
    });
  });
}

/** A commit SHA (7 to 64 hex digits, abbreviated or full, SHA-1 or SHA-256) in lower case; null for anything else. */
export function validCommitSha(value: string | null | undefined): string | null {
  return value && /^[0-9a-f]{7,64}$/i.test(value) ? value.toLowerCase() : null;
}

export async function configCommit(configPath: string, env: Record<string, string | undefined>): Promise<CommitInfo | null> {
  const dir = dirname(configPath);
  const head = (await git(['rev-parse', '--verify', 'HEAD'], dir))?.trim();
  if (head && /^[0-9a-f]{40,64}$/.test(head)) {
    const status = await git(['status', '--porcelain', '--', basename(configPath)], dir);
    return { sha: head, source: 'git', dirty: status === undefined ? null : status.trim() !== '' };
  }
  const sha = validCommitSha(env.GITHUB_SHA?.trim());
  if (sha) return { sha, source: 'GITHUB_SHA', dirty: null };
  return null;
}

/** `abc1234` or `abc1234 (config edited since)`, for messages. */
export function describeCommit(commit: CommitInfo | null): string {
  if (!commit) return 'no git commit (not in a git repository and GITHUB_SHA is not set)';
  return `${commit.sha.slice(0, 12)}${commit.dirty ? ' (the config file differs from this commit)' : ''}`;
}
