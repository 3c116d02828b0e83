import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { mappingLabel, report, type RuleContext } from './context.js';

/** A mapping feeds exactly one import: end users (`site`) or agents (`agent: true`). */
export function mappingKind(context: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  context.config.mappings.forEach((mapping, index) => {
    const isAgent = mapping.agent === true;
    const hasSite = mapping.site !== undefined;
    if (isAgent && hasSite) {
      out.push(
        report(context, {
          code: 'mapping-site-and-agent',
          pointer: `/mappings/${index}/agent`,
          at: 'key',
          message: `${mappingLabel(mapping)} has both site and agent: true; a mapping feeds either the end-users import (site) or the agents import (agent: true): split it into two mappings`,
        }),
      );
    } else if (!isAgent && !hasSite) {
      out.push(
        report(context, {
          code: 'mapping-without-target',
          pointer: `/mappings/${index}`,
          message: `${mappingLabel(mapping)} has neither site nor agent: true: add \`site: <Halo site name>\` to create end users, or \`agent: true\` to create agents`,
        }),
      );
    }
  });
  return out;
}
