import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { mappingLabel, report, type RuleContext } from './context.js';

/** `defaultRole` is given to agents on creation; on an end-user mapping it would silently do nothing. */
export function defaultRoleOnAgentsOnly(context: RuleContext): Diagnostic[] {
  return context.config.mappings.flatMap((mapping, index) =>
    mapping.defaultRole !== undefined && mapping.agent !== true
      ? [
          report(context, {
            code: 'default-role-not-agent',
            pointer: `/mappings/${index}/defaultRole`,
            at: 'key',
            message: `defaultRole only applies to agent mappings (agent: true), but ${mappingLabel(mapping)} places end users${mapping.site ? ` at site '${mapping.site}'` : ''}: remove defaultRole`,
          }),
        ]
      : [],
  );
}
