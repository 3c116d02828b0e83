import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { isWritten } from '../positions.js';
import { mappingLabel, report, type RuleContext } from './context.js';

/**
 * Licence management deactivates every agent in the agents import that holds none of `activeRoles`.
 * An empty list would deactivate them all; roles that the config gives but the list lacks create
 * agents that are switched off at once.
 */
export function licence(context: RuleContext): Diagnostic[] {
  const { licence: settings, mappings, roles } = context.config;
  const out: Diagnostic[] = [];
  if (!settings.enabled) {
    if (settings.activeRoles.length > 0) {
      out.push(report(context, { severity: 'warning', code: 'licence-roles-unused', pointer: '/licence/activeRoles', at: 'key', message: 'licence.activeRoles has no effect while licence.enabled is false: set enabled: true to manage licences, or remove activeRoles' }));
    }
    return out;
  }
  if (settings.activeRoles.length === 0) {
    const pointer = isWritten(context, '/licence/activeRoles') ? '/licence/activeRoles' : '/licence/enabled';
    out.push(report(context, { code: 'licence-no-active-roles', pointer, message: 'licence management is on but licence.activeRoles is empty: every agent in the agents import would be deactivated; list the roles that keep an agent active' }));
    return out;
  }
  const active = new Set(settings.activeRoles.map((r) => r.toLowerCase()));
  const ruleGrantsActive = roles.some((r) => active.has(r.role.toLowerCase()));
  mappings.forEach((mapping, index) => {
    if (mapping.agent !== true) return;
    if (mapping.defaultRole !== undefined && !active.has(mapping.defaultRole.toLowerCase())) {
      out.push(
        report(context, {
          severity: 'warning',
          code: 'default-role-not-active',
          pointer: `/mappings/${index}/defaultRole`,
          message: `agents created by ${mappingLabel(mapping)} get role '${mapping.defaultRole}', which is not in licence.activeRoles: they are deactivated unless a roles rule gives them an active role`,
        }),
      );
    } else if (mapping.defaultRole === undefined && !ruleGrantsActive) {
      out.push(
        report(context, {
          severity: 'warning',
          code: 'agents-without-active-role',
          pointer: `/mappings/${index}`,
          message: `${mappingLabel(mapping)} has no defaultRole and no roles rule grants one of licence.activeRoles: every agent it places is deactivated; give it a defaultRole from activeRoles`,
        }),
      );
    }
  });
  return out;
}
