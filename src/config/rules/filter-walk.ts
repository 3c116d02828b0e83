/** Every clause of every mapping's filter, with its JSON pointer. */
import type { FilterClause, Mapping } from '../types.js';
import type { Filter } from '../types.js';
import type { RuleContext } from './context.js';

export interface PlacedClause {
  clause: FilterClause;
  pointer: string;
  mapping: Mapping;
}

function collect(filter: Filter, pointer: string, mapping: Mapping, out: PlacedClause[]): void {
  if ('all' in filter) filter.all.forEach((child, i) => collect(child, `${pointer}/all/${i}`, mapping, out));
  else if ('any' in filter) filter.any.forEach((child, i) => collect(child, `${pointer}/any/${i}`, mapping, out));
  else out.push({ clause: filter, pointer, mapping });
}

/** In mapping order, depth first. Takes any `{ config }` (a RuleContext, doctor's LoadedConfig). */
export function filterClauses(context: Pick<RuleContext, 'config'>): PlacedClause[] {
  const out: PlacedClause[] = [];
  context.config.mappings.forEach((mapping, index) => {
    if (mapping.filter) collect(mapping.filter, `/mappings/${index}/filter`, mapping, out);
  });
  return out;
}
