/**
 * The report of an apply, from its result alone (pure): a Terraform-like text for the terminal and
 * CI logs, and Markdown for the GitHub Action's comment and job summary. Counts are over plan
 * changes (what people reviewed); each failure shows the change, the request and the API's error
 * (already redacted by the client); skipped and not-attempted work says why. Text that came from
 * the directory or from Halo is made terminal-safe or Markdown-escaped.
 */
import type { ApplyResult, Operation } from '../apply/types.js';
import type { Plan } from '../plan/types.js';
import { palette } from './color.js';
import { escapeMarkdown } from './markdown-escape.js';
import { formatCount } from './summary.js';
import { sanitizeText, truncateText } from './sanitize.js';

export interface ApplyReportOptions {
  color?: boolean;
  /** The git commit the config came from, shown in the Markdown heading. */
  commit?: string | null;
  /** At most this many rows per list (default 50); the journal has every operation. */
  maxItems?: number;
}

const DEFAULT_MAX_ITEMS = 50;

/** `create user ann@acme.test`, `set roles of agent bob@…`, `set members of CAB Infrastructure CAB`. */
function operationLabel(op: Operation, plan: Plan): string {
  const who = op.email ?? (op.googleId ? `Google id ${op.googleId}` : op.haloId !== null ? `#${op.haloId}` : '');
  switch (op.kind) {
    case 'settings':
      return 'update settings';
    case 'create':
    case 'deactivate':
      return `${op.kind} ${op.subject} ${who}`;
    case 'update': {
      const actions = [...new Set(op.changes.map((i) => plan.changes[i]?.action ?? 'update'))];
      return `${actions.join(' + ')} ${op.subject} ${who}`;
    }
    case 'roles':
      return `set roles of agent ${who}`;
    case 'cab-members':
      return op.email ? `CAB seat on ${op.cab?.name ?? 'a CAB'} for ${who}` : `set members of CAB ${op.cab?.name ?? `#${op.haloId}`}`;
  }
}

/** `47 applied, 1 failed, 3 skipped` (+ `, 12 not applied` when the run stopped). */
export function applyCountsText(result: ApplyResult): string {
  const { applied, failed, skipped, notAttempted } = result.counts;
  const parts = [`${formatCount(applied)} applied`, `${formatCount(failed)} failed`, `${formatCount(skipped)} skipped`];
  if (notAttempted > 0) parts.push(`${formatCount(notAttempted)} not applied`);
  return parts.join(', ');
}

const RUN_AGAIN = 'run apply again to finish — it re-plans and picks up where this stopped';

/** After failures or skips (the run did not stop): what to do next. */
const FIX_AND_RUN_AGAIN = 'Fix what failed, then run apply again: it re-plans from fresh reads, so only what is still missing is written.';

/** The closing lines: what happened, and what to do next. */
export function applyHeadline(result: ApplyResult): string[] {
  const { failed, skipped, notAttempted } = result.counts;
  if (result.stopped) {
    return [
      `Apply stopped: Halo stopped answering (${result.stopped.message}).`,
      `${applyCountsText(result)}; ${formatCount(notAttempted)} change${notAttempted === 1 ? '' : 's'} not applied; ${RUN_AGAIN}.`,
    ];
  }
  const lines = [`Apply complete! ${applyCountsText(result)}.`];
  if (failed > 0 || skipped > 0) lines.push(FIX_AND_RUN_AGAIN);
  return lines;
}

/** Each phase's name in reports and progress lines. */
export const PHASE_NAMES: Record<Operation['phase'], string> = {
  settings: 'settings', users: 'users', agents: 'agents', 'role-adds': 'role additions', 'cab-adds': 'CAB additions',
  'role-removals': 'role removals', 'cab-removals': 'CAB removals', 'user-deactivations': 'user deactivations', 'agent-deactivations': 'agent deactivations',
};

/** `settings 1 · users 26 · …`: the applied writes per phase, in execution order. */
function phaseCounts(result: ApplyResult): string {
  const counts = new Map<Operation['phase'], number>();
  for (const op of result.operations) if (op.outcome === 'applied') counts.set(op.phase, (counts.get(op.phase) ?? 0) + 1);
  return [...counts].map(([phase, n]) => `${PHASE_NAMES[phase]} ${formatCount(n)}`).join(' · ');
}

const byOutcome = (result: ApplyResult, outcome: Operation['outcome']) => result.operations.filter((op) => op.outcome === outcome);

const safe = (text: string, max = 400) => truncateText(sanitizeText(text), max);

export function renderApplyText(result: ApplyResult, options: ApplyReportOptions = {}): string {
  const p = palette(options.color ?? false);
  const max = options.maxItems ?? DEFAULT_MAX_ITEMS;
  const out: string[] = [];
  const list = (title: string, ops: Operation[], mark: string, detail: (op: Operation) => string[]) => {
    if (ops.length === 0) return;
    out.push(p.bold(`${title} (${formatCount(ops.length)}):`));
    for (const op of ops.slice(0, max)) {
      out.push(`  ${mark} ${safe(operationLabel(op, result.plan))}`);
      for (const line of detail(op)) out.push(`      ${safe(line)}`);
    }
    if (ops.length > max) out.push(p.dim(`  … and ${formatCount(ops.length - max)} more (the journal lists every operation)`));
    out.push('');
  };
  list('Failed', byOutcome(result, 'failed'), p.red('✗'), (op) => [op.error?.message ?? 'failed', ...(op.note ? [op.note] : [])]);
  list('Skipped', byOutcome(result, 'skipped'), p.yellow('-'), (op) => [op.note ?? 'skipped']);
  const recovered = result.operations.filter((op) => op.outcome === 'applied' && op.note);
  list('Recovered', recovered, p.green('✓'), (op) => [op.note ?? '']);
  const notAttempted = byOutcome(result, 'not-attempted').length;
  if (notAttempted > 0) out.push(p.yellow(`${formatCount(notAttempted)} write${notAttempted === 1 ? '' : 's'} not attempted after the run stopped.`), '');
  const phases = phaseCounts(result);
  if (phases) out.push(p.dim(`Written in this order: ${phases}.`));
  const [first, ...rest] = applyHeadline(result);
  const good = result.counts.failed === 0 && result.counts.skipped === 0 && !result.stopped;
  out.push((good ? p.green : p.red)(p.bold(first ?? '')), ...rest);
  return `${out.join('\n')}\n`;
}

function markdownTable(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

export function renderApplyMarkdown(result: ApplyResult, options: ApplyReportOptions = {}): string {
  const max = options.maxItems ?? DEFAULT_MAX_ITEMS;
  const md = (text: string, limit = 300) => escapeMarkdown(text, limit);
  const { failed, skipped } = result.counts;
  const icon = result.stopped ? '⛔' : failed > 0 || skipped > 0 ? '⚠️' : '✅';
  const title = result.stopped ? 'apply stopped' : 'apply complete';
  const out = [`### ${icon} halo-sync ${title}: ${applyCountsText(result)}`, ''];
  if (options.commit) out.push(`Config commit \`${options.commit.replace(/[^0-9a-f]/gi, '').slice(0, 40)}\` · ${formatCount(result.plan.changes.length)} planned changes`, '');
  const more = (n: number) => (n > max ? [``, `… and ${formatCount(n - max)} more; the journal lists every operation.`] : []);

  const failures = byOutcome(result, 'failed');
  if (failures.length > 0) {
    out.push(`#### Failed (${formatCount(failures.length)})`, '');
    const rows = failures.slice(0, max).map((op) => [
      md(operationLabel(op, result.plan)),
      md(op.error ? `${op.error.method} ${op.error.path}`.trim() : ''),
      op.error?.status === null || op.error === null ? '—' : String(op.error.status),
      md([op.error?.message ?? 'failed', op.note ?? ''].filter(Boolean).join(' — '), 500),
    ]);
    out.push(...markdownTable(['Change', 'Request', 'Status', 'Error'], rows), ...more(failures.length), '');
  }
  const skips = byOutcome(result, 'skipped');
  if (skips.length > 0) {
    out.push(`#### Skipped (${formatCount(skips.length)})`, '');
    out.push(...markdownTable(['Change', 'Why'], skips.slice(0, max).map((op) => [md(operationLabel(op, result.plan)), md(op.note ?? 'skipped', 500)])), ...more(skips.length), '');
  }
  if (result.stopped) {
    out.push(`#### Not applied (${formatCount(result.counts.notAttempted)})`, '');
    out.push(`Halo stopped answering: ${md(result.stopped.message, 500)}. The remaining changes were not attempted; ${RUN_AGAIN}.`, '');
  } else if (failed > 0 || skipped > 0) {
    out.push(FIX_AND_RUN_AGAIN, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
