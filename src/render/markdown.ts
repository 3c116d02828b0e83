/**
 * The plan as a pull-request comment or job summary (GitHub-flavoured Markdown).
 *
 * Order, most important first: title, summary line and counts table, risk banners (GitHub
 * alerts), safety verdict, warnings, then collapsed details per import and site. The first part
 * always survives; the details are cut to keep the whole document within `maxChars`. All text from
 * the directory or Halo is escaped (markdown-escape.ts). `privacy: true` (public repositories)
 * shows counts and mapping/site names only: no email, name, field value, reason or warning text.
 */
import type { Plan } from '../plan/types.js';
import { groupChanges, type RenderContext } from './context.js';
import { fitSections, hardLimit, type BudgetSection } from './markdown-budget.js';
import { escapeMarkdown } from './markdown-escape.js';
import { banners, countsTable, safetyLine } from './markdown-head.js';
import { changeRank, changeRow, privacyTable, SECTION_CLOSE, sectionCutNote, sectionOpen, TABLE_HEAD } from './markdown-rows.js';
import { warningsSection } from './markdown-warnings.js';
import { formatCount, summaryLine } from './summary.js';
import { shortDigest } from './text.js';

export interface MarkdownOptions {
  /** The whole document never exceeds this many characters. GitHub's hard limit is 65,536. */
  maxChars?: number;
  /** Keep personal data out (public repositories): counts and mapping/site names only. */
  privacy?: boolean;
  /** Trusted Markdown for the first line (escape any untrusted part with `escapeMarkdown`). */
  title?: string;
  /** Trusted Markdown appended at the end and always kept (e.g. a hidden sticky-comment marker). */
  footer?: string;
  /** Where the reader finds what was cut. */
  fullPlanHint?: string;
}

export const DEFAULT_MAX_CHARS = 60_000;
export const DEFAULT_FULL_PLAN_HINT = 'the full plan is in the job summary / plan artifact';

export function cutNote(hidden: number, hint: string): string {
  return `\n**… ${formatCount(hidden)} more ${hidden === 1 ? 'change' : 'changes'} not shown; ${hint}.**\n\n`;
}

export function defaultTitle(ctx: RenderContext): string {
  return ctx.configFile !== undefined ? `### halo-sync plan for ${escapeMarkdown(ctx.configFile)}` : '### halo-sync plan';
}

function head(plan: Plan, ctx: RenderContext, options: MarkdownOptions, maxChars: number): string {
  const privacy = options.privacy ?? false;
  const digests = `<sub>config ${escapeMarkdown(shortDigest(plan.configDigest))} · snapshot ${escapeMarkdown(shortDigest(plan.snapshotDigest))}</sub>`;
  const counts = plan.changes.length > 0 ? `**${summaryLine(plan)}**\n\n${countsTable(plan)}\n` : `**${summaryLine(plan)}**\n\n`;
  const alerts = banners(plan, privacy);
  const safety = safetyLine(plan);
  return [
    `${options.title ?? defaultTitle(ctx)}\n\n${digests}\n\n`,
    counts,
    alerts === '' ? '' : `${alerts}\n`,
    safety === '' ? '' : `${safety}\n`,
    warningsSection(plan.warnings, privacy, Math.floor(maxChars / 4)),
  ].join('');
}

function detailSections(plan: Plan, ctx: RenderContext, privacy: boolean): BudgetSection[] {
  const sections = groupChanges(plan.changes, ctx);
  if (sections.length === 0) return [];
  if (privacy) {
    // One table of counts; its rows (one per site) are cut like change rows if there are very many.
    const table = privacyTable(sections);
    return [{
      open: '#### Changes by import and site\n\n_Privacy mode: people and values are not shown._\n\n',
      head: table.head,
      rows: table.rows.map((text, i) => ({ text, changes: sections[i]!.changes.length })),
      close: '\n',
      cutNote: (n) => `\n_… ${formatCount(n)} more changes in further sites not shown._\n`,
    }];
  }
  return sections.map((section, i) => ({
    open: (i === 0 ? '#### Changes\n\n' : '') + sectionOpen(section),
    head: TABLE_HEAD,
    rows: section.changes.map((change) => ({ text: changeRow(change), changes: 1, rank: changeRank(change) })),
    close: SECTION_CLOSE,
    cutNote: sectionCutNote,
  }));
}

export function renderPlanMarkdown(plan: Plan, ctx: RenderContext, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const hint = options.fullPlanHint ?? DEFAULT_FULL_PLAN_HINT;
  const footer = options.footer !== undefined ? `${options.footer}\n` : '';
  const top = head(plan, ctx, options, maxChars);
  const budget = maxChars - top.length - footer.length;
  let details = budget > 0 ? fitSections(detailSections(plan, ctx, options.privacy ?? false), budget, (n) => cutNote(n, hint)) : '';
  // No room for any detail: still say that changes were left out (hardLimit below keeps the size).
  if (details === '' && plan.changes.length > 0) details = cutNote(plan.changes.length, hint);
  const document = top + details + footer;
  if (document.length <= maxChars) return document;
  // Only reachable with a very small maxChars, when the always-shown part alone is too big: cut it
  // at a line boundary and keep the note of what is not shown and the footer.
  return fitHard(top, details + footer, maxChars);
}

/** `head` cut at a line boundary so that it and `tail` fit in `maxChars` (tail wins if both cannot). */
export function fitHard(head: string, tail: string, maxChars: number): string {
  const cutMark = `\n**… cut to fit ${formatCount(maxChars)} characters.**\n`;
  const kept = hardLimit(head, Math.max(0, maxChars - tail.length), cutMark);
  return (kept + tail).slice(-maxChars);
}
