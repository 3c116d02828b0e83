/**
 * The bodies of the sticky plan comment: the plan itself, a failed plan (so an old plan never
 * stays up looking current after a push that broke the config), and the note for fork pull
 * requests. Every body ends with the hidden marker; only a real plan carries the reviewed record.
 * Untrusted text (directory data, error messages, paths) is escaped; the renderers escape theirs.
 */
import type { ComputedPlan } from '../app/run-plan.js';
import { validCommitSha } from '../app/git-commit.js';
import { validateVerdict, type ValidateReport } from '../app/run-validate.js';
import { diagnosticPlace, formatDiagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { ConfigError } from '../diagnostics/errors.js';
import { redactSecrets } from '../diagnostics/redact.js';
import { escapeMarkdown, formatCount, renderPlanMarkdown } from '../render/index.js';
import type { ActionContext } from './context.js';
import { marker, reviewedLines } from './markers.js';

/** The reviewed plan is carried in the comment only when it takes at most this share of the budget. */
const EMBED_SHARE = 3;
const EMBED_MAX = 24_000;
const MAX_LISTED_ERRORS = 30;

export function shortSha(sha: string | null | undefined): string | null {
  return validCommitSha(sha)?.slice(0, 7) ?? null;
}

/** The commit the run looked at: the pull request's head, else GITHUB_SHA. */
export function headSha(ctx: ActionContext): string | null {
  return validCommitSha(ctx.event.pullRequest?.headSha ?? ctx.event.sha);
}

export function configLabel(ctx: ActionContext): string {
  return `\`${ctx.configKey.replace(/`/g, "'")}\``;
}

/** The visible last line: which commit, which run, and that the comment is edited in place. */
export function visibleFooter(ctx: ActionContext, what: string): string {
  const parts = [`halo-sync ${what}`];
  const sha = shortSha(headSha(ctx));
  if (sha) parts.push(`commit ${sha}`);
  if (ctx.runUrl) parts.push(`[workflow run](${ctx.runUrl})`);
  if (ctx.privacy) parts.push('privacy mode: no personal data');
  return `<sub>${parts.join(' · ')}</sub>`;
}

export function fullPlanHint(ctx: ActionContext): string {
  return ctx.runUrl ? `the full plan is in the job summary of [the workflow run](${ctx.runUrl}) and its plan artifact` : 'the full plan is in the job summary and the plan artifact';
}

export function planCommentBody(ctx: ActionContext, computed: ComputedPlan): string {
  const maxChars = ctx.inputs.commentMaxChars;
  const footer = [
    '',
    visibleFooter(ctx, 'plan — this comment is updated on every push'),
    marker('plan', ctx.configKey),
    reviewedLines(computed.plan, headSha(ctx), { privacy: ctx.privacy, embedLimit: Math.min(EMBED_MAX, Math.floor(maxChars / EMBED_SHARE)) }),
  ].join('\n');
  return renderPlanMarkdown(computed.plan, computed.context, {
    maxChars,
    privacy: ctx.privacy,
    title: `### halo-sync plan for ${configLabel(ctx)}`,
    footer,
    fullPlanHint: fullPlanHint(ctx),
  });
}

/** What went wrong, as Markdown lines: config errors by place, or the error message. */
export function failureLines(ctx: ActionContext, error: unknown): string[] {
  if (error instanceof ConfigError) {
    const errors = sortDiagnostics(error.diagnostics.filter((d) => d.severity === 'error'));
    const lines = [`**${formatCount(errors.length)} configuration ${errors.length === 1 ? 'error' : 'errors'}** (also shown as annotations on the changed lines):`, ''];
    for (const d of errors.slice(0, MAX_LISTED_ERRORS)) {
      // In privacy mode the message (which may quote a person) stays in the log; the place is shown.
      const place = diagnosticPlace(d);
      const text = ctx.privacy ? `${place ? `${place}: ` : ''}error ${d.code}` : formatDiagnostic(d);
      lines.push(`- ${escapeMarkdown(redactSecrets(text, ctx.secrets), 500)}`);
    }
    if (errors.length > MAX_LISTED_ERRORS) lines.push(`- … and ${formatCount(errors.length - MAX_LISTED_ERRORS)} more in the job log`);
    return lines;
  }
  if (ctx.privacy) return ['The reason is in the job log (privacy mode keeps error text out of comments).'];
  const message = error instanceof Error ? error.message : String(error);
  return ['```text', redactSecrets(message, ctx.secrets).replace(/```/g, "'''").slice(0, 4000), '```'];
}

export function failedPlanCommentBody(ctx: ActionContext, error: unknown): string {
  const sha = shortSha(headSha(ctx));
  return [
    `### halo-sync plan for ${configLabel(ctx)}: ❌ failed`,
    '',
    `No plan could be made${sha ? ` for commit ${sha}` : ''}, so there is nothing to review yet; an earlier plan in this comment no longer applies.`,
    '',
    ...failureLines(ctx, error),
    '',
    'Fix the problem and push again: this comment is updated on every push.',
    '',
    visibleFooter(ctx, 'plan'),
    marker('plan', ctx.configKey),
  ].join('\n');
}

export function forkCommentBody(ctx: ActionContext, report: ValidateReport): string {
  const pr = ctx.event.pullRequest;
  const fork = pr?.headRepository ? ` (\`${escapeMarkdown(pr.headRepository, 200)}\`)` : '';
  const verdict = report.valid ? `✅ ${validateVerdict(report)}` : `❌ ${validateVerdict(report)} (see the annotations on the changed lines)`;
  const n = pr?.number ?? 'N';
  return [
    `### halo-sync plan for ${configLabel(ctx)}: not run for a fork`,
    '',
    `This pull request comes from a fork${fork}. halo-sync does not plan pull requests from forks: a plan reads Google Workspace and Halo with this repository's credentials, which GitHub does not give to workflows run for forks — and a fork could edit the config to copy directory data into a public comment.`,
    '',
    `**Offline config check:** ${verdict}`,
    '',
    'To see the plan, a maintainer reviews the change and brings it into this repository, for example:',
    '',
    '```sh',
    `gh pr checkout ${n} && git push origin HEAD:refs/heads/halo-sync/pr-${n}`,
    '```',
    '',
    'then opens a pull request from that branch (it gets a plan comment), or runs the plan workflow by hand on it.',
    '',
    visibleFooter(ctx, 'plan'),
    marker('plan', ctx.configKey),
  ].join('\n');
}
