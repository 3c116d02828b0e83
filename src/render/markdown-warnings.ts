/**
 * The warnings list of the Markdown plan. Warnings always survive the size budget, but a plan can
 * carry thousands (one per ambiguous person), so the list has its own share of the budget: run-wide
 * warnings (no person attached: two writers, incomplete reads) first, then per-person ones in plan
 * order, then a count of the rest. Privacy mode shows codes and counts only.
 */
import type { PlanWarning } from '../plan/types.js';
import { escapeMarkdown } from './markdown-escape.js';
import { formatCount } from './summary.js';

function isRunWide(w: PlanWarning): boolean {
  return !w.email && !w.googleId;
}

function byCode(warnings: readonly PlanWarning[]): string[] {
  const counts = new Map<string, number>();
  for (const w of warnings) counts.set(w.code, (counts.get(w.code) ?? 0) + 1);
  return [...counts.keys()].sort().map((code) => `- ${escapeMarkdown(code)} ×${formatCount(counts.get(code)!)}\n`);
}

export function warningsSection(warnings: readonly PlanWarning[], privacy: boolean, budget: number): string {
  if (warnings.length === 0) return '';
  const heading = `#### ⚠️ Warnings (${formatCount(warnings.length)})\n\n`;
  const items = privacy
    ? byCode(warnings)
    : [...warnings.filter(isRunWide), ...warnings.filter((w) => !isRunWide(w))].map(
        (w) => `- **${escapeMarkdown(w.code)}**: ${escapeMarkdown(w.message, 300)}\n`,
      );
  let out = heading;
  let shown = 0;
  // Reserve room for the "more" line so the section never exceeds its share.
  const moreLine = (n: number) => `- … and ${formatCount(n)} more ${n === 1 ? 'warning' : 'warnings'} not shown\n`;
  const reserve = moreLine(items.length).length;
  for (const item of items) {
    const isLast = shown === items.length - 1;
    if (out.length + item.length + (isLast ? 0 : reserve) > budget) break;
    out += item;
    shown += 1;
  }
  if (shown < items.length) out += moreLine(items.length - shown);
  return `${out}\n`;
}
