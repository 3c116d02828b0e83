/**
 * After a merge, the comment on the merged pull request: what apply did, and how the plan it
 * applied compares with the last plan reviewed on that pull request (read back from the Action's
 * own sticky plan comment — the fingerprint always, the full reviewed plan when it was carried).
 */
import * as core from '@actions/core';
import { validCommitSha } from '../app/git-commit.js';
import type { ApplyRun } from '../app/run-apply.js';
import type { Plan } from '../plan/types.js';
import { formatCount, renderPlanComparisonMarkdown, type RenderContext } from '../render/index.js';
import { findMarkedComment } from './comment.js';
import type { ActionContext } from './context.js';
import type { AssociatedPull } from './github.js';
import { marker, planFingerprint, readReviewed, type ReviewedRecord } from './markers.js';
import { configLabel, fullPlanHint, visibleFooter } from './plan-comment.js';
import { modeLine, runDetails, verdictLine } from './apply-report.js';
import { postSticky } from './publish.js';

const COMMENT_REPORT_ROWS = 20;

/** The merged pull request this push came from; null for a direct push. */
export function mergedPull(pulls: AssociatedPull[], sha: string, defaultBranch: string | null): AssociatedPull | null {
  const merged = pulls.filter((p) => p.mergedAt !== null);
  return merged.find((p) => p.mergeCommitSha === sha) ?? merged.find((p) => defaultBranch !== null && p.baseRef === defaultBranch) ?? null;
}

const short = (fingerprint: string) => fingerprint.replace(/^sha256:/, '').slice(0, 12);

export interface AppliedPlan {
  plan: Plan;
  context: RenderContext;
}

export function comparisonSection(ctx: ActionContext, applied: AppliedPlan | null, reviewed: ReviewedRecord | null, pull: AssociatedPull, maxChars: number): string {
  const head = '#### Compared with the last reviewed plan\n\n';
  if (!reviewed) {
    return `${head}No reviewed plan for ${configLabel(ctx)} was found on #${pull.number} (its last plan failed, it came from a fork, or no plan ran), so there is nothing to compare with.\n`;
  }
  const lines: string[] = [];
  const mergedHead = validCommitSha(pull.headSha);
  if (reviewed.head && mergedHead && !mergedHead.startsWith(reviewed.head)) {
    lines.push(`> [!WARNING]\n> The last plan was made for commit ${reviewed.head.slice(0, 7)}, but #${pull.number} was merged at ${mergedHead.slice(0, 7)}: its final commit was never planned.\n`);
  }
  if (!applied) return `${head}${lines.join('\n')}No plan was made at merge, so nothing can be compared.\n`;
  if (reviewed.plan) {
    return renderPlanComparisonMarkdown(reviewed.plan, applied.plan, applied.context, {
      maxChars,
      privacy: ctx.privacy,
      title: `${head}${lines.join('\n')}`.trimEnd(),
      fullPlanHint: fullPlanHint(ctx),
    });
  }
  const fingerprint = planFingerprint(applied.plan);
  if (fingerprint === reviewed.fingerprint) {
    lines.push(`✅ Same as reviewed: the applied plan has the reviewed plan's fingerprint (${short(fingerprint)}, ${formatCount(reviewed.changes)} changes).`);
  } else {
    lines.push(
      `⚠️ **Differs from the reviewed plan:** reviewed fingerprint ${short(reviewed.fingerprint)} (${formatCount(reviewed.changes)} changes), applied ${short(fingerprint)} (${formatCount(applied.plan.changes.length)} changes). Google Workspace or Halo changed between the review and the merge; the applied plan is in the job summary.`,
    );
  }
  return `${head}${lines.join('\n')}\n`;
}

export function applyCommentBody(ctx: ActionContext, run: ApplyRun | null, failure: unknown, pull: AssociatedPull, reviewed: ReviewedRecord | null): string {
  const maxChars = ctx.inputs.commentMaxChars;
  const top = [`### halo-sync apply for ${configLabel(ctx)} after merging #${pull.number}`, '', verdictLine(run), '', ...runDetails(ctx, run, failure, COMMENT_REPORT_ROWS), '', modeLine(ctx, run), ''].join('\n');
  const footer = ['', visibleFooter(ctx, 'apply'), marker('apply', ctx.configKey), ''].join('\n');
  const room = maxChars - top.length - footer.length - 100;
  const comparison = room > 500 ? comparisonSection(ctx, run?.computed ?? null, reviewed, pull, room) : '';
  const text = `${top}\n${comparison}`;
  // The footer (with the marker) always survives; only possible with a tiny comment-max-chars.
  const cut = '\n_… cut to fit the comment; the job summary has everything._\n';
  return text.length + footer.length <= maxChars ? text + footer : text.slice(0, Math.max(0, maxChars - footer.length - cut.length)) + cut + footer;
}

/** On a push: find the merged pull request and post (or update) the apply comment. Best effort. */
export async function commentOnMergedPull(ctx: ActionContext, run: ApplyRun | null, failure: unknown): Promise<void> {
  if (!ctx.inputs.comment || !ctx.github) return;
  let pull: AssociatedPull | null;
  let reviewed: ReviewedRecord | null = null;
  try {
    pull = mergedPull(await ctx.github.pullsForCommit(ctx.event.sha), ctx.event.sha, ctx.event.defaultBranch);
    if (!pull) {
      core.info(`No merged pull request for commit ${ctx.event.sha.slice(0, 7)} (a direct push): no comment.`);
      return;
    }
    const planComment = await findMarkedComment(ctx.github, pull.number, marker('plan', ctx.configKey), ctx.inputs.commentAuthor);
    reviewed = planComment ? readReviewed(planComment.body) : null;
  } catch (error) {
    core.warning(`Could not find the merged pull request or its plan comment: ${error instanceof Error ? error.message : String(error)}. No comment.`);
    return;
  }
  await postSticky(ctx, 'apply', pull.number, applyCommentBody(ctx, run, failure, pull, reviewed));
}
