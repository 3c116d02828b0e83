/**
 * The merge comment's "how what was applied differed from the last reviewed plan", in Markdown:
 * both summary lines, a verdict, then collapsed tables of changes added since the review, changes
 * reviewed but no longer planned, and changes whose effect differs. Escaped and size-budgeted like
 * the plan comment; privacy mode shows counts only.
 */
import type { Change, Plan } from '../plan/types.js';
import { comparePlans, isSameEffect, type ChangePair } from './compare.js';
import { personLabel, type RenderContext } from './context.js';
import { fitSections, type BudgetSection } from './markdown-budget.js';
import { escapeHtml, escapeMarkdown } from './markdown-escape.js';
import { ACTION_LABELS, changeRow, SECTION_CLOSE, sectionCutNote, TABLE_HEAD, whatChanges } from './markdown-rows.js';
import { cutNote, DEFAULT_FULL_PLAN_HINT, DEFAULT_MAX_CHARS, fitHard, type MarkdownOptions } from './markdown.js';
import { formatCount, summaryLine } from './summary.js';

const PAIR_HEAD = '| | Person | Reviewed | Applied |\n|---|---|---|---|\n';

function pairRow({ reviewed, applied }: ChangePair): string {
  return `| ${ACTION_LABELS[applied.action]} | ${escapeMarkdown(personLabel(applied))} | ${whatChanges(reviewed)} | ${whatChanges(applied)} |\n`;
}

function section(title: string, head: string, rows: string[]): BudgetSection {
  return {
    open: `<details><summary>${escapeHtml(title)} (${formatCount(rows.length)})</summary>\n\n`,
    head,
    rows: rows.map((text) => ({ text, changes: 1 })),
    close: SECTION_CLOSE,
    cutNote: sectionCutNote,
  };
}

function headline(reviewed: Plan, applied: Plan, ctx: RenderContext, options: MarkdownOptions): string {
  const from = ctx.configFile !== undefined ? ` for ${escapeMarkdown(ctx.configFile)}` : '';
  const title = options.title ?? `### halo-sync: applied plan${from} compared with the last reviewed plan`;
  const lines = [
    `${title}\n`,
    `**Reviewed:** ${summaryLine(reviewed)}  `,
    `**Applied:** ${summaryLine(applied)}\n`,
  ];
  if (reviewed.configDigest !== applied.configDigest) {
    lines.push('> [!NOTE]\n> The config changed after the last reviewed plan: the applied plan comes from the merged config.\n');
  }
  if (!applied.safety.ok || applied.safety.violations.length > 0) {
    const codes = applied.safety.violations.map((v) => escapeMarkdown(v.code)).join(', ') || 'unnamed limit';
    lines.push(`> [!CAUTION]\n> The applied plan went over the safety limits (${codes}): apply refused it and changed nothing.\n`);
  }
  return `${lines.join('\n')}\n`;
}

function verdict(added: Change[], removed: Change[], different: ChangePair[], identical: number): string {
  if (added.length + removed.length + different.length === 0) {
    return `✅ What was applied matches the reviewed plan (${formatCount(identical)} ${identical === 1 ? 'change' : 'changes'}).\n\n`;
  }
  const parts = [
    `${formatCount(added.length)} added since the review`,
    `${formatCount(removed.length)} reviewed but not applied`,
    `${formatCount(different.length)} different`,
    `${formatCount(identical)} as reviewed`,
  ];
  return `⚠️ **What was applied differs from the reviewed plan:** ${parts.join(' · ')}.\n\n`;
}

export function renderPlanComparisonMarkdown(reviewed: Plan, applied: Plan, ctx: RenderContext, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const hint = options.fullPlanHint ?? DEFAULT_FULL_PLAN_HINT;
  const footer = options.footer !== undefined ? `${options.footer}\n` : '';
  const comparison = comparePlans(reviewed, applied);
  const top = headline(reviewed, applied, ctx, options) + verdict(comparison.added, comparison.removed, comparison.different, comparison.identical);
  let details = '';
  if (!isSameEffect(comparison) && !(options.privacy ?? false)) {
    const sections = [
      section('Added since the review', TABLE_HEAD, comparison.added.map(changeRow)),
      section('Reviewed but not applied', TABLE_HEAD, comparison.removed.map(changeRow)),
      section('Different from the review', PAIR_HEAD, comparison.different.map(pairRow)),
    ].filter((s) => s.rows.length > 0);
    details = fitSections(sections, maxChars - top.length - footer.length, (n) => cutNote(n, hint));
    const differences = comparison.added.length + comparison.removed.length + comparison.different.length;
    if (details === '') details = cutNote(differences, hint);
  }
  const document = top + details + footer;
  if (document.length <= maxChars) return document;
  return fitHard(top, details + footer, maxChars);
}
