import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Filter, Mapping } from '../types.js';
import { mappingLabel, report, type RuleContext } from './context.js';

/** Key-order-independent text of a filter, to spot two mappings with the same filter. */
function canonical(filter: Filter | undefined): string {
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sort(v)]));
    }
    return typeof value === 'string' ? value.toLowerCase() : value;
  };
  return filter === undefined ? '' : JSON.stringify(sort(filter));
}

/**
 * Warnings about who a mapping reaches: no filter means everyone in the directory (for an agent
 * mapping: every user becomes an agent), and a mapping after one that already takes the same people
 * never places anyone, because the first matching mapping wins.
 */
export function mappingCoverage(context: RuleContext): Diagnostic[] {
  const { mappings, google } = context.config;
  const directoryOf = (m: Mapping) => (google.directory === 'customers' ? (m.customer ?? '') : google.customer);
  const importOf = (m: Mapping) => (m.agent === true ? 'agents' : 'users');
  const out: Diagnostic[] = [];
  mappings.forEach((mapping, index) => {
    const pointer = `/mappings/${index}`;
    if (mapping.filter === undefined) {
      const effect = mapping.agent === true ? 'every user in its directory becomes a Halo agent' : `it places everyone in its directory${mapping.site ? ` at site '${mapping.site}'` : ''}`;
      out.push(report(context, { severity: 'warning', code: 'mapping-without-filter', pointer, message: `${mappingLabel(mapping)} has no filter: ${effect}; add a filter if that is not intended` }));
    }
    const shadow = mappings.slice(0, index).find(
      (earlier) =>
        importOf(earlier) === importOf(mapping) &&
        directoryOf(earlier) === directoryOf(mapping) &&
        (earlier.filter === undefined || canonical(earlier.filter) === canonical(mapping.filter)),
    );
    if (shadow) {
      const why = shadow.filter === undefined ? 'has no filter' : 'has the same filter';
      out.push(
        report(context, {
          severity: 'warning',
          code: 'mapping-unreachable',
          pointer,
          message: `${mappingLabel(mapping)} never places anyone: ${mappingLabel(shadow)} above it reads the same directory and ${why}, and the first matching mapping wins; move the narrower mapping first`,
        }),
      );
    }
  });
  return out;
}
