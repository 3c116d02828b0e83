/**
 * Sticky comments: ONE comment per config file and kind on a pull request, found again by its
 * hidden marker and edited in place on every run (tfcmt's -patch), never a new comment per push.
 *
 * Only comments written by `author` (the Action's own identity, github-actions[bot] with the
 * default token) count: anyone can type a marker into a comment, and a forged "reviewed plan" must
 * never be trusted at apply, nor make the Action try to edit someone else's comment.
 */
import { ApiError } from '../diagnostics/errors.js';
import type { GitHubApi, IssueComment } from './github.js';

export interface UpsertResult {
  action: 'created' | 'updated' | 'unchanged';
  comment: IssueComment;
}

/** The oldest comment by `author` containing `marker` (its place in the conversation stays put). */
export async function findMarkedComment(api: GitHubApi, issue: number, marker: string, author: string): Promise<IssueComment | null> {
  const login = author.toLowerCase();
  for await (const page of api.commentPages(issue)) {
    const found = page.find((c) => c.author?.toLowerCase() === login && c.body.includes(marker));
    if (found) return found;
  }
  return null;
}

/** `body` must already contain `marker` (so the next run finds this comment). */
export async function upsertMarkedComment(api: GitHubApi, issue: number, marker: string, body: string, author: string): Promise<UpsertResult> {
  if (!body.includes(marker)) throw new Error('a sticky comment body must contain its marker');
  const existing = await findMarkedComment(api, issue, marker, author);
  if (!existing) return createOnce(api, issue, marker, body, author);
  if (existing.body === body) return { action: 'unchanged', comment: existing };
  return { action: 'updated', comment: await api.updateComment(existing.id, body) };
}

/**
 * A create whose answer was lost or was a server error may have happened on GitHub: look for the
 * marked comment again before creating once more, so a retry never leaves two sticky comments.
 */
async function createOnce(api: GitHubApi, issue: number, marker: string, body: string, author: string): Promise<UpsertResult> {
  try {
    return { action: 'created', comment: await api.createComment(issue, body) };
  } catch (error) {
    if (!(error instanceof ApiError) || !error.retryable) throw error;
    const made = await findMarkedComment(api, issue, marker, author);
    if (made) return made.body === body ? { action: 'created', comment: made } : { action: 'updated', comment: await api.updateComment(made.id, body) };
    return { action: 'created', comment: await api.createComment(issue, body) };
  }
}
