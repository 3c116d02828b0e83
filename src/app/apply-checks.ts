/**
 * The checks apply makes before writing anything: a reviewed plan file must be a well-formed plan,
 * must be within the safety limits, and must still be what a fresh plan says (else it is stale);
 * a fresh plan must be within the safety limits. A refusal says what differs and what to do.
 */
import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { HaloSyncError } from '../diagnostics/errors.js';
import { samePlan } from '../plan/index.js';
import type { Plan } from '../plan/types.js';
import { parsePlanJson } from '../render/index.js';

export interface Refusal {
  reason: 'unsafe' | 'stale';
  /** One paragraph: what was refused, that nothing changed, what to do. */
  message: string;
  /** The safety violations, or the differences between the reviewed and the fresh plan. */
  details: string[];
}

export async function readReviewedPlan(path: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new HaloSyncError(`cannot read the plan file ${path}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}; make one with: halo-sync plan --out FILE`);
  }
  const parsed = parsePlanJson(text);
  if (!parsed.plan) {
    const errors = parsed.errors.map((e) => `  ${e}`).join('\n');
    throw new HaloSyncError(`${path} is not a halo-sync plan (formatVersion 1); ${parsed.errors.length} problem(s):\n${errors}\nMake a plan file with: halo-sync plan --out FILE`);
  }
  return parsed.plan;
}

export function unsafeRefusal(plan: Plan, what: string): Refusal {
  return {
    reason: 'unsafe',
    message: `${what} is over the safety limits, so apply refuses it; nothing was changed. If this is intended, raise the limit in halo-sync.yaml through review (there is no force flag), then plan again.`,
    details: plan.safety.violations.map((v) => v.message),
  };
}

/** Null when the fresh plan may be applied. */
export function checkPlan(fresh: Plan, reviewed: Plan | null, planFile: string | undefined): Refusal | null {
  if (reviewed) {
    const comparison = samePlan(reviewed, fresh);
    if (!comparison.same) {
      return {
        reason: 'stale',
        message: `The reviewed plan (${planFile}) is stale: Google Workspace or Halo changed since it was made, and a fresh plan differs from it; nothing was changed. Run plan again and review the new plan.`,
        details: comparison.differences,
      };
    }
  }
  return fresh.safety.ok ? null : unsafeRefusal(fresh, 'The plan');
}

/**
 * Fails fast (before reading or writing anything) when an output file could not be written, so a
 * typo in --journal or --status-file never surfaces after Halo was changed.
 */
export async function checkWritable(path: string, what: string): Promise<void> {
  const dir = dirname(path);
  const problem = await stat(dir).then(
    (s) => (s.isDirectory() ? access(dir, constants.W_OK).then(() => null, () => 'is not writable') : 'is not a directory'),
    () => 'does not exist',
  );
  if (problem) throw new HaloSyncError(`cannot write the ${what} ${path}: the directory ${dir} ${problem}`);
}
