/**
 * Posting the sticky comments, best effort: a comment that cannot be written (a read-only token,
 * GitHub down) is a warning, never a failed step — the plan is in the job summary either way, and a
 * failed comment must not hide a good plan (liatrio/terraform-change-pr-commenter#91).
 */
import * as core from '@actions/core';
import { ApiError } from '../diagnostics/errors.js';
import { redactSecrets } from '../diagnostics/redact.js';
import { upsertMarkedComment } from './comment.js';
import type { ActionContext } from './context.js';
import type { IssueComment } from './github.js';
import { marker, type MarkerKind } from './markers.js';
import { setOutputs } from './summary.js';

function advice(error: unknown): string {
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
    return ' The token may not write comments: give the job `permissions: pull-requests: write` (pull requests from forks only ever get a read-only token).';
  }
  return '';
}

export async function postSticky(ctx: ActionContext, kind: MarkerKind, issue: number, body: string): Promise<IssueComment | null> {
  if (!ctx.inputs.comment) {
    core.info('comment: false, so no pull request comment; the job summary has everything.');
    return null;
  }
  if (!ctx.github) {
    core.warning('No github-token, so no pull request comment; the job summary has everything.');
    return null;
  }
  try {
    const result = await upsertMarkedComment(ctx.github, issue, marker(kind, ctx.configKey), body, ctx.inputs.commentAuthor);
    const what = result.action === 'unchanged' ? 'already up to date' : result.action;
    core.info(`Pull request #${issue}: the halo-sync ${kind} comment for ${ctx.configKey} ${what}${result.comment.url ? ` (${result.comment.url})` : ''}.`);
    if (result.comment.url) setOutputs({ 'comment-url': result.comment.url });
    return result.comment;
  } catch (error) {
    const message = redactSecrets(error instanceof Error ? error.message : String(error), ctx.secrets);
    core.warning(`Could not write the ${kind} comment on pull request #${issue}: ${message}.${advice(error)} The job summary has everything.`);
    return null;
  }
}
