import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { isWritten } from '../positions.js';
import { report, type RuleContext } from './context.js';

/** Match keys are tried in order; a repeated key is a slip, an empty list disables matching. */
export function matchingKeys(context: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const kind of ['users', 'agents'] as const) {
    const keys = context.config.matching[kind];
    keys.forEach((key, index) => {
      const first = keys.indexOf(key);
      if (first !== index) {
        out.push(report(context, { code: 'duplicate-match-key', pointer: `/matching/${kind}/${index}`, message: `matching.${kind} lists '${key}' twice (also matching.${kind}[${first}]): each key is tried once; remove the repeat` }));
      }
    });
    if (keys.length === 0 && isWritten(context, `/matching/${kind}`)) {
      out.push(
        report(context, {
          severity: 'warning',
          code: 'no-match-keys',
          pointer: `/matching/${kind}`,
          message: `matching.${kind} is empty: existing Halo ${kind === 'users' ? 'users' : 'agents'} without a Google id are never linked, and halo-sync creates new records next to them`,
        }),
      );
    }
  }
  return out;
}
