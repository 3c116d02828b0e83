/**
 * The plan as a person reads it in a terminal, in the manner of `terraform plan`: a header, the
 * changes grouped by import and site, warnings, the safety verdict, and one closing summary line.
 * Pure and deterministic; whether to colour is decided by the caller (see `shouldUseColor`).
 */
import type { Plan, PlanWarning, SafetyVerdict } from '../plan/types.js';
import { palette, type Palette } from './color.js';
import { groupChanges, KIND_TITLES, sectionLabel, type ChangeSection, type RenderContext } from './context.js';
import { formatCount, summaryLine } from './summary.js';
import { changeLines, LEGEND, safe } from './text-change.js';

export interface TextOptions {
  /** ANSI colours (green +, yellow ~, red -). Decide with `shouldUseColor(env, isTTY)`. */
  color: boolean;
}

/** `sha256:0123456789abcdef…` → `sha256:0123456789ab` (enough to tell plans apart at a glance). */
export function shortDigest(digest: string): string {
  const match = /^(sha256:)([0-9a-f]+)$/i.exec(digest);
  if (match && match[2]!.length > 12) return `${match[1]}${match[2]!.slice(0, 12)}`;
  return safe(digest);
}

function header(plan: Plan, ctx: RenderContext, p: Palette): string[] {
  const from = ctx.configFile !== undefined ? ` for ${safe(ctx.configFile)}` : '';
  return [
    p.bold(`halo-sync plan${from}`),
    p.dim(`config ${shortDigest(plan.configDigest)}  snapshot ${shortDigest(plan.snapshotDigest)}`),
  ];
}

function sectionLines(sections: ChangeSection[], p: Palette): string[] {
  const lines: string[] = [];
  let currentKind: string | null = null;
  for (const section of sections) {
    if (section.kind !== currentKind) {
      currentKind = section.kind;
      lines.push('', p.bold(KIND_TITLES[section.kind]));
    }
    const count = section.changes.length;
    const indent = section.kind === 'settings' ? 2 : 4;
    if (section.kind !== 'settings') {
      if (lines[lines.length - 1] !== p.bold(KIND_TITLES[section.kind])) lines.push('');
      lines.push(`  ${safe(sectionLabel(section))}: ${formatCount(count)} ${count === 1 ? 'change' : 'changes'}`);
    }
    section.changes.forEach((change, i) => {
      if (i > 0) lines.push('');
      append(lines, changeLines(change, indent, p));
    });
  }
  return lines;
}

function warningLines(warnings: PlanWarning[], p: Palette): string[] {
  if (warnings.length === 0) return [];
  return [
    '',
    p.yellow(p.bold(`Warnings (${formatCount(warnings.length)}):`)),
    ...warnings.map((w) => `  ${p.yellow('!')} ${safe(w.code)}: ${safe(w.message)}`),
  ];
}

function safetyLines(safety: SafetyVerdict, hasChanges: boolean, p: Palette): string[] {
  if (safety.ok && safety.violations.length === 0) {
    return hasChanges ? ['', `Safety: ${p.green('within the configured limits')}.`] : [];
  }
  const bar = p.red('!!');
  return [
    '',
    `${bar} ${p.red(p.bold('SAFETY LIMITS EXCEEDED: apply will refuse this plan.'))}`,
    ...safety.violations.map(
      (v) => `${bar}   ${safe(v.code)}: ${safe(v.message)} (actual ${formatCount(v.actual)}, limit ${formatCount(v.limit)})`,
    ),
    ...(safety.violations.length === 0 ? [`${bar}   the planner marked this plan unsafe without naming a limit`] : []),
    `${bar} Every change above is shown, none will be made. To go over a limit, change the safety`,
    `${bar} section of the config through review, or first find out why so many people would go.`,
  ];
}

/** push(...more) passes every line as an argument: a plan of 80k creates overflowed the call stack. */
function append(lines: string[], more: readonly string[]): void {
  for (const line of more) lines.push(line);
}

export function renderPlanText(plan: Plan, ctx: RenderContext, options: TextOptions): string {
  const p = palette(options.color);
  const hasChanges = plan.changes.length > 0;
  const lines = header(plan, ctx, p);
  if (hasChanges) {
    lines.push('', 'halo-sync will make these changes in Halo:', p.dim(`  ${LEGEND}`));
    append(lines, sectionLines(groupChanges(plan.changes, ctx), p));
  }
  append(lines, warningLines(plan.warnings, p));
  append(lines, safetyLines(plan.safety, hasChanges, p));
  lines.push('', p.bold(summaryLine(plan)));
  return `${lines.join('\n')}\n`;
}
