/**
 * Keeping a Markdown document under a size budget (GitHub refuses comments over 65,536
 * characters, and a failed comment hides the plan). Detail sections are cut whole rows (whole
 * changes) at a time, fairly: every section may show up to the same number of rows k, and k is
 * the largest that fits, so small sections (settings, agents) stay complete while the largest
 * ones are cut first. Within a cut section the riskiest rows are kept (a row's `rank`: deactivations
 * before creations), shown in their original order. Each cut section says how many of its changes
 * it hides, and the document says how many it hides in all.
 */

export interface BudgetRow {
  text: string;
  /** How many plan changes this row stands for (1 for a change row, n for a count row). */
  changes: number;
  /** Lower ranks are kept first when the section must be cut (default 0: keep in order). */
  rank?: number;
}

export interface BudgetSection {
  /** Always shown when the section is: `<details><summary>…</summary>` */
  open: string;
  /** Shown only above at least one row (the table head). */
  head: string;
  rows: BudgetRow[];
  close: string;
  /** The note inside a cut section, given how many changes it hides. */
  cutNote(hiddenChanges: number): string;
}

interface Prepared {
  section: BudgetSection;
  /** Row indexes in the order they are kept: by rank, then position. */
  keep: number[];
  /** prefixLength[i] = total length of the first i kept rows, prefixChanges likewise for changes. */
  prefixLength: number[];
  prefixChanges: number[];
}

function prepare(section: BudgetSection): Prepared {
  const keep = section.rows.map((_, i) => i).sort((a, b) => (section.rows[a]!.rank ?? 0) - (section.rows[b]!.rank ?? 0) || a - b);
  const prefixLength = [0];
  const prefixChanges = [0];
  for (const row of keep.map((i) => section.rows[i]!)) {
    prefixLength.push(prefixLength[prefixLength.length - 1]! + row.text.length);
    prefixChanges.push(prefixChanges[prefixChanges.length - 1]! + row.changes);
  }
  return { section, keep, prefixLength, prefixChanges };
}

/** The size of showing the first `sectionCount` sections with at most `k` rows each. */
function measure(all: Prepared[], sectionCount: number, k: number, documentNote: (hidden: number) => string): number {
  let size = 0;
  let hidden = 0;
  all.forEach((p, i) => {
    const total = p.prefixChanges[p.prefixChanges.length - 1]!;
    if (i >= sectionCount) {
      hidden += total;
      return;
    }
    const shown = Math.min(k, p.section.rows.length);
    const sectionHidden = total - p.prefixChanges[shown]!;
    size += p.section.open.length + p.section.close.length + p.prefixLength[shown]!;
    if (shown > 0) size += p.section.head.length;
    if (sectionHidden > 0) size += p.section.cutNote(sectionHidden).length;
    hidden += sectionHidden;
  });
  return hidden > 0 ? size + documentNote(hidden).length : size;
}

function render(all: Prepared[], sectionCount: number, k: number, documentNote: (hidden: number) => string): string {
  let out = '';
  let hidden = 0;
  all.forEach((p, i) => {
    const total = p.prefixChanges[p.prefixChanges.length - 1]!;
    if (i >= sectionCount) {
      hidden += total;
      return;
    }
    const kept = p.keep.slice(0, k).sort((a, b) => a - b);
    const rows = kept.map((i) => p.section.rows[i]!);
    const sectionHidden = total - p.prefixChanges[rows.length]!;
    out += p.section.open;
    if (rows.length > 0) out += p.section.head + rows.map((r) => r.text).join('');
    if (sectionHidden > 0) out += p.section.cutNote(sectionHidden);
    out += p.section.close;
    hidden += sectionHidden;
  });
  return hidden > 0 ? out + documentNote(hidden) : out;
}

/**
 * Renders as much of `sections` as fits in `budget` characters. Returns '' when not even the
 * document note fits (the caller's hard limit then applies).
 */
export function fitSections(sections: readonly BudgetSection[], budget: number, documentNote: (hidden: number) => string): string {
  const all = sections.map(prepare);
  const maxRows = Math.max(0, ...sections.map((s) => s.rows.length));
  if (measure(all, all.length, maxRows, documentNote) <= budget) return render(all, all.length, maxRows, documentNote);
  if (measure(all, all.length, 0, documentNote) <= budget) {
    let lo = 0; // fits
    let hi = maxRows; // does not fit
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (measure(all, all.length, mid, documentNote) <= budget) lo = mid;
      else hi = mid;
    }
    return render(all, all.length, lo, documentNote);
  }
  // Too many sections to show even their headings: show the first ones that fit, count the rest.
  let count = all.length - 1;
  while (count > 0 && measure(all, count, 0, documentNote) > budget) count -= 1;
  if (measure(all, count, 0, documentNote) > budget) return '';
  return render(all, count, 0, documentNote);
}

/**
 * The last line of defence: cuts `text` at a line boundary so that it plus `note` stays within
 * `maxChars`. Used only when the always-shown part itself is over budget (a tiny `maxChars`).
 */
export function hardLimit(text: string, maxChars: number, note: string): string {
  if (text.length <= maxChars) return text;
  const room = Math.max(0, maxChars - note.length);
  const cut = text.lastIndexOf('\n', room);
  const kept = cut > 0 ? text.slice(0, cut + 1) : '';
  return (kept + note).slice(0, maxChars);
}
