/**
 * One change of the text plan, Terraform style: a symbol, the person and what happens to them,
 * why, then the field changes and the role / CAB seats added and removed.
 */
import { diffWordsWithSpace } from 'diff';
import type { Change, ChangeAction, FieldChange } from '../plan/types.js';
import type { Palette } from './color.js';
import { personLabel } from './context.js';
import { quoteValue, sanitizeText, truncateText } from './sanitize.js';

/** Longest value or reason shown in the terminal; the JSON plan always carries the full text. */
export const TEXT_VALUE_MAX = 500;
/** Word diffs are shown for values at least this long (short values read fine side by side)… */
const WORD_DIFF_MIN = 40;
/** …and at most this long (keeps the diff cheap; longer values are shown whole anyway). */
const WORD_DIFF_MAX = 2000;

export const SYMBOLS: Record<ChangeAction, string> = {
  create: '+',
  update: '~',
  link: '~',
  roles: '~',
  cabs: '~',
  settings: '~',
  reactivate: '↺',
  deactivate: '-',
};

export const LEGEND = '+ create   ~ update, link, roles, CABs, settings   ↺ reactivate   - deactivate';

const VERBS: Record<ChangeAction, string> = {
  create: 'will be created',
  update: 'will be updated',
  link: 'will be linked to its Google account',
  reactivate: 'will be reactivated',
  deactivate: 'will be deactivated',
  roles: 'will have its roles changed',
  cabs: 'will have its CAB seats changed',
  settings: 'will be updated',
};

export function colourSymbol(action: ChangeAction, p: Palette): string {
  const symbol = SYMBOLS[action];
  if (action === 'create' || action === 'reactivate') return p.green(symbol);
  if (action === 'deactivate') return p.red(symbol);
  return p.yellow(symbol);
}

export function safe(text: string): string {
  return truncateText(sanitizeText(text), TEXT_VALUE_MAX);
}

function headline(change: Change, p: Palette): string {
  const who = change.subject === 'settings' ? 'Halo settings' : `${change.subject} ${safe(personLabel(change))}`;
  const id =
    change.subject === 'settings' ? '' : change.haloId === null ? ' (Halo id known after apply)' : ` (Halo id ${change.haloId})`;
  return `${colourSymbol(change.action, p)} ${p.bold(who)} ${VERBS[change.action]}${id}`;
}

/** `[-removed-]{+added+}` word diff of two long strings, or null when it would not help. */
function wordDiff(before: string, after: string, p: Palette): string | null {
  if (Math.max(before.length, after.length) < WORD_DIFF_MIN) return null;
  if (before.length > WORD_DIFF_MAX || after.length > WORD_DIFF_MAX) return null;
  const parts = diffWordsWithSpace(before, after);
  if (!parts.some((part) => !part.added && !part.removed && part.value.trim() !== '')) return null;
  return parts
    .map((part) => {
      const text = sanitizeText(part.value);
      if (part.added) return p.green(`{+${text}+}`);
      if (part.removed) return p.red(`[-${text}-]`);
      return text;
    })
    .join('');
}

function fieldLines(change: Change, p: Palette): string[] {
  const width = Math.max(0, ...change.fields.map((f) => sanitizeText(f.field).length));
  return change.fields.flatMap((f: FieldChange) => {
    const name = `${sanitizeText(f.field)}:`.padEnd(width + 1);
    const after = quoteValue(f.after, TEXT_VALUE_MAX);
    if (change.action === 'create' && f.before === null) return [`${name} ${after}`];
    const lines = [`${name} ${quoteValue(f.before, TEXT_VALUE_MAX)} → ${after}`];
    if (typeof f.before === 'string' && typeof f.after === 'string') {
      const words = wordDiff(f.before, f.after, p);
      if (words !== null) lines.push(`${' '.repeat(width + 1)} ${p.dim('words:')} ${words}`);
    }
    return lines;
  });
}

function setLines(label: string, delta: Change['roles'], p: Palette): string[] {
  return [
    ...delta.add.map((name) => p.green(`+ ${label} ${safe(name)}`)),
    ...delta.remove.map((name) => p.red(`- ${label} ${safe(name)}`)),
  ];
}

/** The lines of one change, indented by `indent` spaces. */
export function changeLines(change: Change, indent: number, p: Palette): string[] {
  const pad = ' '.repeat(indent);
  const body = [
    p.dim(`why: ${safe(change.reason)}`),
    ...fieldLines(change, p),
    ...setLines('role', change.roles, p),
    ...setLines('CAB', change.cabs, p),
  ];
  return [`${pad}${headline(change, p)}`, ...body.map((line) => `${pad}    ${line}`)];
}
