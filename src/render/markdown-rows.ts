/**
 * The detail part of the Markdown plan: one collapsed `<details>` per import and site, holding a
 * table with one row per change. Every value is escaped (markdown-escape.ts); a row never holds a
 * raw newline or pipe, so tables keep their columns whatever the directory contains.
 */
import type { Change, ChangeAction } from '../plan/types.js';
import { KIND_TITLES, personLabel, sectionLabel, type ChangeSection } from './context.js';
import { escapeHtml, escapeMarkdown, markdownValue } from './markdown-escape.js';
import { formatCount } from './summary.js';

export const ACTION_LABELS: Record<ChangeAction, string> = {
  create: '➕ create',
  update: '✏️ update',
  link: '🔗 link',
  reactivate: '♻️ reactivate',
  deactivate: '⛔ **deactivate**',
  roles: '🎭 roles',
  cabs: '🗳️ CABs',
  settings: '⚙️ settings',
};

const ACTION_ORDER: ChangeAction[] = ['settings', 'create', 'link', 'reactivate', 'update', 'roles', 'cabs', 'deactivate'];

const COUNT_LABELS: Record<ChangeAction, [string, string]> = {
  settings: ['settings update', 'settings updates'],
  create: ['to create', 'to create'],
  link: ['to link', 'to link'],
  reactivate: ['to reactivate', 'to reactivate'],
  update: ['to update', 'to update'],
  roles: ['role update', 'role updates'],
  cabs: ['CAB seat update', 'CAB seat updates'],
  deactivate: ['to deactivate', 'to deactivate'],
};

/** `2 to create · 1 to update · 1 to deactivate` for a section's summary line. */
export function actionCounts(changes: readonly Change[]): string {
  const counts = new Map<ChangeAction, number>();
  for (const c of changes) counts.set(c.action, (counts.get(c.action) ?? 0) + 1);
  return ACTION_ORDER.filter((a) => counts.has(a))
    .map((a) => {
      const n = counts.get(a)!;
      return `${formatCount(n)} ${COUNT_LABELS[a][n === 1 ? 0 : 1]}`;
    })
    .join(' · ');
}

/** The field changes and role / CAB seats of one change, escaped, separated by `<br>`. */
export function whatChanges(change: Change): string {
  const items = change.fields.map((f) => {
    const name = escapeMarkdown(f.field);
    if (change.action === 'create' && f.before === null) return `${name}: ${markdownValue(f.after)}`;
    return `${name}: ${markdownValue(f.before)} → ${markdownValue(f.after)}`;
  });
  for (const role of change.roles.add) items.push(`+ role ${escapeMarkdown(role)}`);
  for (const role of change.roles.remove) items.push(`− role ${escapeMarkdown(role)}`);
  for (const cab of change.cabs.add) items.push(`+ CAB ${escapeMarkdown(cab)}`);
  for (const cab of change.cabs.remove) items.push(`− CAB ${escapeMarkdown(cab)}`);
  return items.length > 0 ? items.join('<br>') : '—';
}

/**
 * Which changes a cut section keeps first: those that take access away, then those that grant
 * it, then the routine ones. Reviewers must see the risky rows even in a huge plan.
 */
export function changeRank(change: Change): number {
  if (change.action === 'deactivate') return 0;
  if (change.roles.remove.length > 0 || change.cabs.remove.length > 0) return 1;
  if (change.action === 'settings') return 1;
  if (change.action === 'reactivate' || change.action === 'link') return 2;
  if (change.action === 'roles' || change.action === 'cabs') return 3;
  if (change.action === 'update') return 4;
  return 5;
}

/** One table row (with its newline) for one change. */
export function changeRow(change: Change): string {
  const halo = change.subject === 'settings' ? '—' : change.haloId === null ? 'new' : String(change.haloId);
  const cells = [ACTION_LABELS[change.action], escapeMarkdown(personLabel(change)), halo, whatChanges(change), escapeMarkdown(change.reason, 300)];
  return `| ${cells.join(' | ')} |\n`;
}

export const TABLE_HEAD = '| | Person | Halo id | What changes | Why |\n|---|---|---|---|---|\n';

/** The opening of a section: a collapsed `<details>` whose summary line gives the counts. */
export function sectionOpen(section: ChangeSection): string {
  const label = section.kind === 'settings' ? '' : ` · ${escapeHtml(sectionLabel(section))}`;
  const counts = escapeHtml(actionCounts(section.changes));
  return `<details><summary><b>${KIND_TITLES[section.kind]}</b>${label}: ${counts}</summary>\n\n`;
}

export const SECTION_CLOSE = '\n</details>\n\n';

export function sectionCutNote(hidden: number): string {
  return `\n_… ${formatCount(hidden)} more ${hidden === 1 ? 'change' : 'changes'} in this section not shown (changes that remove access are shown first)._\n`;
}

/**
 * Privacy mode's replacement for the details: counts per import and site, no people at all.
 * Site and mapping names come from the reviewed config, so they are shown (escaped).
 */
export function privacyTable(sections: readonly ChangeSection[]): { head: string; rows: string[] } {
  const columns: ChangeAction[] = ['create', 'link', 'reactivate', 'update', 'roles', 'cabs', 'settings', 'deactivate'];
  const title = (a: ChangeAction) => (a === 'cabs' ? 'CABs' : `${a[0]!.toUpperCase()}${a.slice(1)}`);
  const head = `| Import | Site / mapping | ${columns.map(title).join(' | ')} |\n|---|---|${columns.map(() => '--:').join('|')}|\n`;
  const rows = sections.map((section) => {
    const counts = columns.map((a) => {
      const n = section.changes.filter((c) => c.action === a).length;
      return n === 0 ? '' : formatCount(n);
    });
    const where = section.kind === 'settings' ? '—' : escapeMarkdown(sectionLabel(section));
    return `| ${KIND_TITLES[section.kind]} | ${where} | ${counts.join(' | ')} |\n`;
  });
  return { head, rows };
}
