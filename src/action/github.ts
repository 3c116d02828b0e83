/**
 * The four GitHub REST calls the Action makes, through @actions/github's Octokit (proxy-aware),
 * against GITHUB_API_URL (github.com, GitHub Enterprise Server, or the tests' local stand-in).
 * Every failure becomes an ApiError('GitHub', …) here, at one boundary, with a short redacted
 * excerpt of GitHub's message; the token never appears in it.
 *
 * Retries (see retryDelay): a rate limit (429, or a secondary-rate-limit 403) was not processed,
 * so any call is retried after GitHub's Retry-After; a 5xx or a network failure is retried for
 * reads and edits only. A create whose answer failed may exist on GitHub: the sticky-comment code
 * looks for it before creating again (comment.ts), so a retry can never post a second comment.
 */
import { getOctokit } from '@actions/github';
import { ApiError } from '../diagnostics/errors.js';
import { redactSecrets } from '../diagnostics/redact.js';
import { parseRetryAfter } from '../halo/backoff.js';

export interface IssueComment {
  id: number;
  body: string;
  /** The author's login; null for a deleted (ghost) user. */
  author: string | null;
  url: string;
}

export interface AssociatedPull {
  number: number;
  headSha: string | null;
  mergeCommitSha: string | null;
  mergedAt: string | null;
  baseRef: string | null;
}

export interface GitHubApi {
  /** The issue's (pull request's) comments, oldest first, one page at a time. */
  commentPages(issue: number): AsyncIterable<IssueComment[]>;
  createComment(issue: number, body: string): Promise<IssueComment>;
  updateComment(id: number, body: string): Promise<IssueComment>;
  /** Pull requests associated with a commit (the merged PR of a merge commit). */
  pullsForCommit(sha: string): Promise<AssociatedPull[]>;
}

export interface GitHubApiOptions {
  token: string;
  baseUrl: string;
  owner: string;
  repo: string;
  retry?: Partial<GitHubRetryPolicy>;
}

export interface GitHubRetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff; doubles per retry. */
  baseDelayMs: number;
  /** A longer wait (a primary rate limit resetting in an hour) is not waited for: the call fails. */
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_GITHUB_RETRY: GitHubRetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

type Json = Record<string, unknown>;

function toComment(value: unknown): IssueComment {
  const c = (value ?? {}) as Json;
  const user = (c.user ?? null) as Json | null;
  return {
    id: Number(c.id),
    body: typeof c.body === 'string' ? c.body : '',
    author: typeof user?.login === 'string' ? user.login : null,
    url: typeof c.html_url === 'string' ? c.html_url : '',
  };
}

function toPull(value: unknown): AssociatedPull {
  const p = (value ?? {}) as Json;
  const head = (p.head ?? null) as Json | null;
  const base = (p.base ?? null) as Json | null;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return { number: Number(p.number), headSha: str(head?.sha), mergeCommitSha: str(p.merge_commit_sha), mergedAt: str(p.merged_at), baseRef: str(base?.ref) };
}

interface FailedCall {
  status: number | undefined;
  message: string;
  retryAfterMs: number | null;
}

/** What an Octokit RequestError (or a network error) says: status, GitHub's message, Retry-After. */
function describeFailure(error: unknown): FailedCall {
  const e = (error ?? {}) as { status?: unknown; message?: unknown; response?: { data?: unknown; headers?: Record<string, unknown> } };
  const status = typeof e.status === 'number' && e.status > 0 ? e.status : undefined;
  const data = (e.response?.data ?? null) as Json | null;
  const message = typeof data?.message === 'string' ? data.message : typeof e.message === 'string' ? e.message : String(error);
  const header = e.response?.headers?.['retry-after'];
  const retryAfterMs = typeof header === 'string' || typeof header === 'number' ? parseRetryAfter(String(header), Date.now()) : undefined;
  return { status, message, retryAfterMs: retryAfterMs ?? null };
}

function isRateLimited(f: FailedCall): boolean {
  return f.status === 429 || (f.status === 403 && (f.retryAfterMs !== null || /secondary rate limit/i.test(f.message)));
}

/**
 * How long to wait before retrying, or null for no retry. Rate limits: GitHub did not process the
 * call, so any method. Server errors and network failures: only calls that are safe to repeat
 * (GET, PATCH of a whole body); a POST may have been carried out.
 */
export function retryDelay(f: FailedCall, method: string, retry: number, policy: GitHubRetryPolicy): number | null {
  if (retry >= policy.maxRetries) return null;
  const backoff = policy.baseDelayMs * 2 ** retry;
  if (isRateLimited(f)) {
    const wait = f.retryAfterMs ?? Math.max(backoff, 60_000);
    return wait <= policy.maxDelayMs ? Math.max(wait, backoff) : null;
  }
  const serverSide = f.status === undefined || f.status >= 500;
  return serverSide && method !== 'POST' ? Math.min(backoff, policy.maxDelayMs) : null;
}

function toApiError(f: FailedCall, error: unknown, method: string, path: string, token: string): ApiError {
  const excerpt = redactSecrets(f.message, [token]).replace(/\s+/g, ' ').slice(0, 200);
  const retryable = f.status === undefined || f.status >= 500 || isRateLimited(f);
  return new ApiError('GitHub', method, path, f.status, excerpt, { cause: error, retryable });
}

export function createGitHubApi(options: GitHubApiOptions): GitHubApi {
  const { token, owner, repo } = options;
  const policy: GitHubRetryPolicy = { ...DEFAULT_GITHUB_RETRY, ...options.retry };
  const octokit = getOctokit(token, { baseUrl: options.baseUrl.replace(/\/+$/, ''), userAgent: 'halo-sync-action', log: { debug() {}, info() {}, warn() {}, error() {} } });
  const call = async <T>(method: string, path: string, run: () => Promise<T>): Promise<T> => {
    for (let retry = 0; ; retry++) {
      try {
        return await run();
      } catch (error) {
        const failure = describeFailure(error);
        const delay = retryDelay(failure, method, retry, policy);
        if (delay === null) throw toApiError(failure, error, method, path, token);
        await policy.sleep(delay);
      }
    }
  };
  return {
    async *commentPages(issue) {
      const path = `/repos/${owner}/${repo}/issues/${issue}/comments`;
      const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: issue, per_page: 100 });
      const iterator = pages[Symbol.asyncIterator]();
      for (;;) {
        const page = await call('GET', path, () => iterator.next());
        if (page.done) return;
        yield page.value.data.map(toComment);
      }
    },
    createComment: (issue, body) =>
      call('POST', `/repos/${owner}/${repo}/issues/${issue}/comments`, async () =>
        toComment((await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body })).data)),
    updateComment: (id, body) =>
      call('PATCH', `/repos/${owner}/${repo}/issues/comments/${id}`, async () =>
        toComment((await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body })).data)),
    pullsForCommit: (sha) =>
      call('GET', `/repos/${owner}/${repo}/commits/${sha}/pulls`, async () =>
        (await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: sha, per_page: 100 })).data.map(toPull)),
  };
}
