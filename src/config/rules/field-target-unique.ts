import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { report, whereIs, type RuleContext } from './context.js';
import { fieldMapsOf, IMPORT_KINDS } from './field-maps.js';

/** Each Halo field is filled from one Google field only; two sources would fight on every run. */
export function fieldTargetsUnique(context: RuleContext): Diagnostic[] {
  return IMPORT_KINDS.flatMap((kind) => {
    const first = new Map<string, number>();
    const out: Diagnostic[] = [];
    for (const { map, index, pointer } of fieldMapsOf(context, kind)) {
      const key = map.to.toLowerCase();
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, index);
        continue;
      }
      out.push(
        report(context, {
          code: 'duplicate-field-target',
          pointer: `${pointer}/to`,
          message: `Halo field '${map.to}' is already a target in fields.${kind}[${earlier}] (at ${whereIs(context, `/fields/${kind}/${earlier}/to`)}); each Halo field may be filled from one Google field only: remove one`,
        }),
      );
    }
    return out;
  });
}
