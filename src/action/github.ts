/**
 * The four GitHub REST calls the Action makes, through @actions/github's Octokit (proxy-aware),
 * against GITHUB_API_URL (github.com, GitHub Enterprise Server, or the tests' local stand-in).
 * Every failure becomes an ApiError('GitHub', …) here, at one boundary, with a short redacted
 * excerpt of GitHub's message; the token never appears in it.
 */
import { getOctokit } from '@actions/github';
import { ApiError } from '../diagnostics/errors.js';
import { redactSecrets } from '../diagnostics/redact.js';

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
}

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

/** Octokit's RequestError (or a network error) → ApiError, with GitHub's own message as the excerpt. */
function toApiError(error: unknown, method: string, path: string, token: string): ApiError {
  const e = (error ?? {}) as { status?: unknown; message?: unknown; response?: { data?: unknown } };
  const status = typeof e.status === 'number' && e.status > 0 ? e.status : undefined;
  const data = (e.response?.data ?? null) as Json | null;
  const raw = typeof data?.message === 'string' ? data.message : typeof e.message === 'string' ? e.message : String(error);
  const excerpt = redactSecrets(raw, [token]).replace(/\s+/g, ' ').slice(0, 200);
  const retryable = status === undefined || status === 429 || status >= 500;
  return new ApiError('GitHub', method, path, status, excerpt, { cause: error, retryable });
}

export function createGitHubApi(options: GitHubApiOptions): GitHubApi {
  const { token, owner, repo } = options;
  const octokit = getOctokit(token, { baseUrl: options.baseUrl.replace(/\/+$/, ''), userAgent: 'halo-sync-action', log: { debug() {}, info() {}, warn() {}, error() {} } });
  const call = async <T>(method: string, path: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toApiError(error, method, path, token);
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
