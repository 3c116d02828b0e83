import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { report, whereIs, type RuleContext } from './context.js';

/** Mapping names identify mappings in plans and `explain`; two with the same name are ambiguous. */
export function uniqueMappingNames(context: RuleContext): Diagnostic[] {
  const firstByName = new Map<string, number>();
  const out: Diagnostic[] = [];
  context.config.mappings.forEach((mapping, index) => {
    const key = mapping.name.trim().toLowerCase();
    const first = firstByName.get(key);
    if (first === undefined) {
      firstByName.set(key, index);
      return;
    }
    out.push(
      report(context, {
        code: 'duplicate-mapping-name',
        pointer: `/mappings/${index}/name`,
        message: `mapping name '${mapping.name}' is already used by mappings[${first}] (at ${whereIs(context, `/mappings/${first}/name`)}); mapping names must be unique: rename one`,
      }),
    );
  });
  return out;
}
