/**
 * `halo-sync doctor` output (pure). Text: one line per check, `ok    Halo token: obtained (…)`,
 * details indented under it and the fix as `fix: …`, then a one-line verdict. JSON (for scripts):
 * `{ ok, summary, checks }`, keys in a fixed order. Text coming from Halo or Google (names, error
 * excerpts) is made terminal-safe.
 */
import type { CheckStatus, DoctorCheck, DoctorReport } from '../doctor/types.js';
import { palette, type Palette } from './color.js';
import { sanitizeText } from './sanitize.js';

const LABELS: Record<CheckStatus, string> = { ok: 'ok', warn: 'warn', fail: 'FAIL', skip: 'skip' };
const INDENT = ' '.repeat(6);

function label(status: CheckStatus, colours: Palette): string {
  const text = LABELS[status].padEnd(6);
  if (status === 'ok') return colours.green(text);
  if (status === 'warn') return colours.yellow(text);
  if (status === 'fail') return colours.red(colours.bold(text));
  return colours.dim(text);
}

function checkLines(c: DoctorCheck, colours: Palette): string[] {
  const lines = [`${label(c.status, colours)}${sanitizeText(c.title)}${c.detail ? `: ${sanitizeText(c.detail)}` : ''}`];
  for (const item of c.items ?? []) lines.push(`${INDENT}${sanitizeText(item)}`);
  if (c.fix) {
    c.fix.split('\n').forEach((line, i) => lines.push(`${INDENT}${i === 0 ? colours.cyan('fix: ') : '     '}${sanitizeText(line)}`));
  }
  return lines;
}

export interface DoctorSummary {
  ok: number;
  warn: number;
  fail: number;
  skip: number;
}

function summarizeDoctor(report: DoctorReport): DoctorSummary {
  const summary: DoctorSummary = { ok: 0, warn: 0, fail: 0, skip: 0 };
  for (const c of report.checks) summary[c.status] += 1;
  return summary;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `doctor: 17 ok, 1 warning, 2 failed, 5 skipped: fix the failures above and run doctor again`. */
export function doctorVerdict(report: DoctorReport): string {
  const s = summarizeDoctor(report);
  const counts = [`${s.ok} ok`, count(s.warn, 'warning', 'warnings'), `${s.fail} failed`, `${s.skip} skipped`].join(', ');
  const next = report.ok
    ? s.warn > 0
      ? 'ready; read the warnings, then run `halo-sync plan`'
      : 'ready: run `halo-sync plan`'
    : 'fix the failures above (skipped checks run once they can) and run `halo-sync doctor` again';
  return `doctor: ${counts}: ${next}`;
}

export function renderDoctorText(report: DoctorReport, options: { color: boolean }): string {
  const colours = palette(options.color);
  const lines = report.checks.flatMap((c) => checkLines(c, colours));
  return `${lines.join('\n')}\n\n${doctorVerdict(report)}\n`;
}

/** The `--format json` document: stable key order, nothing but the report. */
export function renderDoctorJson(report: DoctorReport): string {
  const document = {
    ok: report.ok,
    summary: summarizeDoctor(report),
    checks: report.checks.map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      detail: c.detail,
      ...(c.fix === undefined ? {} : { fix: c.fix }),
      ...(c.items === undefined ? {} : { items: c.items }),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
