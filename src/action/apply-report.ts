/**
 * What an apply run says in Markdown — the verdict line, the report, the refusal — shared by the
 * job summary and the comment on the merged pull request. Privacy mode shows counts only (the
 * report's tables name people).
 */
import type { ApplyRun } from '../app/run-apply.js';
import { applyCountsText, renderApplyMarkdown } from '../render/apply-report.js';
import { escapeMarkdown, formatCount, NO_CHANGES_LINE } from '../render/index.js';
import type { ActionContext } from './context.js';
import { failureLines, shortSha } from './plan-comment.js';

/** One line: what happened. */
export function verdictLine(run: ApplyRun | null): string {
  if (!run) return '❌ **Apply failed** before it could finish; see below.';
  const { outcome } = run;
  switch (outcome.kind) {
    case 'no-changes':
      return `✅ **Nothing to apply.** ${NO_CHANGES_LINE}`;
    case 'cancelled':
      return '❌ **Apply was cancelled**; nothing was changed.';
    case 'refused':
      return `⛔ **Apply refused** (${outcome.reason === 'stale' ? 'the reviewed plan is stale' : 'over the safety limits'}); nothing was changed.`;
    case 'applied': {
      const { failed, skipped, notAttempted } = outcome.result.counts;
      const icon = failed + skipped + notAttempted === 0 ? '✅' : '⚠️';
      return `${icon} **Applied:** ${applyCountsText(outcome.result)}.`;
    }
  }
}

/** The body under the verdict: the refusal and its reasons, or the apply report, or the error. */
export function runDetails(ctx: ActionContext, run: ApplyRun | null, failure: unknown, maxItems: number): string[] {
  if (!run) return failureLines(ctx, failure);
  const { outcome } = run;
  if (outcome.kind === 'refused') {
    const lines = [escapeMarkdown(outcome.message, 2000), ''];
    if (ctx.privacy) {
      lines.push(`${formatCount(outcome.details.length)} ${outcome.reason === 'stale' ? 'differences' : 'limits exceeded'} (privacy mode: listed in the job log only).`);
    } else {
      for (const d of outcome.details.slice(0, maxItems)) lines.push(`- ${escapeMarkdown(d, 500)}`);
      if (outcome.details.length > maxItems) lines.push(`- … and ${formatCount(outcome.details.length - maxItems)} more in the job log`);
    }
    return lines;
  }
  if (outcome.kind !== 'applied' || ctx.privacy) return [];
  const commit = run.commit?.sha ?? null;
  const report = renderApplyMarkdown(outcome.result, { commit, maxItems }).split('\n');
  // The report opens with its own heading; the verdict line above already says it.
  return (report[0]?.startsWith('### ') ? report.slice(1) : report).join('\n').trim().split('\n');
}

/** How apply chose its plan, the config commit and the event, as one small line. */
export function modeLine(ctx: ActionContext, run: ApplyRun | null): string {
  const mode = ctx.inputs.plan ? `exactly the saved plan \`${ctx.inputs.plan.replace(/`/g, "'")}\`, or nothing` : 'a fresh plan of the checked-out config, within its safety limits';
  const sha = shortSha(run?.commit?.sha ?? ctx.event.sha);
  const commit = sha ? ` · commit ${sha}` : '';
  return `<sub>Mode: ${mode}${commit} · ${escapeMarkdown(ctx.event.name || 'unknown', 40)} event</sub>`;
}
