/**
 * Safety caps: every deactivation in the plan (users and agents, lifecycle and licence alike) is
 * counted against `safety.maxDeactivations` and against `safety.maxDeactivationPercent` of the
 * records halo-sync manages. A plan over a cap is still built and shown in full; apply refuses it.
 */
import type { Config } from '../config/types.js';
import type { Change, SafetyVerdict, SafetyViolation } from './types.js';
import { plural } from './text.js';

/** 17.5 → "17.5", 10 → "10", 33.333… → "33.3". */
function percentText(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * @param managed records carrying a Google id before this plan plus records this plan links.
 */
export function safetyVerdict(config: Config, changes: readonly Change[], managed: number): SafetyVerdict {
  const { maxDeactivations, maxDeactivationPercent } = config.safety;
  const deactivations = changes.filter((c) => c.action === 'deactivate').length;
  const violations: SafetyViolation[] = [];
  const exceed = deactivations === 1 ? 'exceeds' : 'exceed';
  if (deactivations > maxDeactivations) {
    violations.push({
      code: 'max-deactivations',
      message: `${plural(deactivations, 'deactivation')} ${exceed} safety.maxDeactivations (${maxDeactivations})`,
      limit: maxDeactivations,
      actual: deactivations,
    });
  }
  if (managed > 0) {
    const percent = (deactivations / managed) * 100;
    if (percent > maxDeactivationPercent) {
      violations.push({
        code: 'max-deactivation-percent',
        message: `${deactivations} of ${plural(managed, 'managed record')} (${percentText(percent)}%) ${exceed} safety.maxDeactivationPercent (${maxDeactivationPercent}%)`,
        limit: maxDeactivationPercent,
        actual: Math.round(percent * 10) / 10,
      });
    }
  }
  return { ok: violations.length === 0, violations };
}
