/**
 * A local stand-in for the slice of GitHub's REST API the Action uses, on loopback (port 0):
 *   GET   /repos/{owner}/{repo}/issues/{n}/comments   (per_page ≤ 100, page; Link header rel=next/last)
 *   POST  /repos/{owner}/{repo}/issues/{n}/comments   (422 over 65,536 characters, as GitHub)
 *   PATCH /repos/{owner}/{repo}/issues/comments/{id}  (403 on someone else's comment, 404 unknown)
 *   GET   /repos/{owner}/{repo}/commits/{sha}/pulls
 * Token auth (401 "Bad credentials"), a read-only mode (403 "Resource not accessible by
 * integration", what a fork's token gets), scripted failures (`failures`: a status with GitHub's
 * message and Retry-After, either instead of the call or after carrying it out, as when an
 * answer is lost), and a log of every request.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: string };
  created_at: string;
  updated_at: string;
  html_url: string;
}

export interface StandInPull {
  number: number;
  merged_at: string | null;
  merge_commit_sha: string | null;
  head: { sha: string };
  base: { ref: string };
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}

/** The next request matching `method` (and `path`) fails with `status`; consumed in order. */
export interface ScriptedFailure {
  method: string;
  path?: RegExp;
  status: number;
  message?: string;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  /** Carry the call out first, then answer with the failure (the caller cannot know it happened). */
  afterProcessing?: boolean;
}

export interface GitHubStandIn {
  url: string;
  owner: string;
  repo: string;
  token: string;
  /** Who the token comments as. */
  login: string;
  comments: StoredComment[];
  pullsForCommit: Map<string, StandInPull[]>;
  requests: LoggedRequest[];
  readOnly: boolean;
  failures: ScriptedFailure[];
  commentsOn(issue: number): StoredComment[];
  addComment(issue: number, body: string, login?: string): StoredComment;
  close(): Promise<void>;
}

export const GITHUB_BODY_LIMIT = 65_536;

export async function startGitHubStandIn(options: { owner?: string; repo?: string; token?: string; login?: string } = {}): Promise<GitHubStandIn> {
  const owner = options.owner ?? 'brightwater';
  const repo = options.repo ?? 'halo-config';
  let nextId = 1000;
  const clock = () => new Date(Date.UTC(2025, 0, 1, 0, 0, nextId - 1000)).toISOString();
  const state: Omit<GitHubStandIn, 'url' | 'close'> = {
    owner,
    repo,
    token: options.token ?? 'ghs_standInToken0123456789',
    login: options.login ?? 'github-actions[bot]',
    comments: [],
    pullsForCommit: new Map(),
    requests: [],
    readOnly: false,
    failures: [],
    commentsOn: (issue) => state.comments.filter((c) => c.issue === issue),
    addComment(issue, body, login = state.login) {
      const id = nextId++;
      const comment: StoredComment = {
        id,
        issue,
        body,
        user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
        created_at: clock(),
        updated_at: clock(),
        html_url: `https://github.example/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
      };
      state.comments.push(comment);
      return comment;
    },
  };

  const failAfter = new WeakMap<ServerResponse, ScriptedFailure>();
  const sendFailure = (res: ServerResponse, f: ScriptedFailure) => {
    res.writeHead(f.status, { 'content-type': 'application/json; charset=utf-8', ...(f.retryAfter === undefined ? {} : { 'retry-after': String(f.retryAfter) }) });
    res.end(JSON.stringify({ message: f.message ?? 'Server Error' }));
  };
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const failure = failAfter.get(res);
    if (failure) return sendFailure(res, failure);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  const readBody = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return {};
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, base: string): Promise<number> => {
    const url = new URL(req.url ?? '/', base);
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${state.token}` && auth !== `Bearer ${state.token}`) {
      send(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
      return 401;
    }
    const prefix = `/repos/${owner}/${repo}`;
    const path = url.pathname;
    const scripted = state.failures.findIndex((f) => f.method === req.method && (!f.path || f.path.test(path)));
    if (scripted >= 0) {
      const [failure] = state.failures.splice(scripted, 1) as [ScriptedFailure];
      if (!failure.afterProcessing) {
        sendFailure(res, failure);
        return failure.status;
      }
      failAfter.set(res, failure);
    }
    const list = new RegExp(`^${prefix}/issues/(\\d+)/comments$`).exec(path);
    const one = new RegExp(`^${prefix}/issues/comments/(\\d+)$`).exec(path);
    const pulls = new RegExp(`^${prefix}/commits/([0-9a-f]+)/pulls$`).exec(path);
    const denied = () => {
      send(res, 403, { message: 'Resource not accessible by integration' });
      return 403;
    };

    if (list && req.method === 'GET') {
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30) || 30);
      const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
      const all = state.commentsOn(Number(list[1]));
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const link = (p: number, rel: string) => `<${base}${path}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
      const links = [];
      if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
      if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
      send(res, 200, all.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {});
      return 200;
    }
    if (list && req.method === 'POST') {
      if (state.readOnly) return denied();
      const body = (await readBody(req)).body;
      if (typeof body !== 'string' || body.length > GITHUB_BODY_LIMIT) {
        send(res, 422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: `body is too long (maximum is ${GITHUB_BODY_LIMIT} characters)` }] });
        return 422;
      }
      send(res, 201, state.addComment(Number(list[1]), body));
      return 201;
    }
    if (one && req.method === 'PATCH') {
      if (state.readOnly) return denied();
      const comment = state.comments.find((c) => c.id === Number(one[1]));
      if (!comment) {
        send(res, 404, { message: 'Not Found' });
        return 404;
      }
      if (comment.user.login !== state.login) return denied();
      const body = (await readBody(req)).body;
      if (typeof body !== 'string' || body.length > GITHUB_BODY_LIMIT) {
        send(res, 422, { message: 'Validation Failed' });
        return 422;
      }
      comment.body = body;
      comment.updated_at = clock();
      send(res, 200, comment);
      return 200;
    }
    if (pulls && req.method === 'GET') {
      send(res, 200, state.pullsForCommit.get(pulls[1]!) ?? []);
      return 200;
    }
    send(res, 404, { message: 'Not Found' });
    return 404;
  };

  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    handle(req, res, base)
      .then((status) => state.requests.push({ method: req.method ?? '', path: new URL(req.url ?? '/', base).pathname, status: res.statusCode || status }))
      .catch((error: unknown) => send(res, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
