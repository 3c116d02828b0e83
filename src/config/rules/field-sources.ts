import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { KNOWN_SOURCE_PATHS, parseSourcePath, TYPED_LISTS } from '../../fields/google-paths.js';
import { didYouMean } from '../text.js';
import { report, type RuleContext } from './context.js';
import { fieldMapsOf, IMPORT_KINDS } from './field-maps.js';

const FORMS =
  'a plain field (primaryEmail, orgUnitPath, …), name.givenName, organizations.title, a typed entry such as phones[type=work] (custom types: phones[type=custom:<label>]) or customSchemas.<Schema>.<field>';

function sourceProblem(from: string): string | undefined {
  if (parseSourcePath(from) !== undefined) return undefined;
  const typed = /^(\w+)\[type=([^\]]*)\]$/.exec(from);
  if (typed && typed[1] && typed[1] in TYPED_LISTS) {
    const types = TYPED_LISTS[typed[1] as keyof typeof TYPED_LISTS];
    return `unknown ${typed[1]} type '${typed[2]}'${didYouMean(typed[2] ?? '', types)} in '${from}'; Google's types are ${types.join(', ')}, or write [type=custom:<label>] for a custom type`;
  }
  if (from.startsWith('customSchemas.')) {
    return `'${from}' is not a custom attribute path: write customSchemas.<Schema>.<field>, e.g. customSchemas.Employment.employeeNumber`;
  }
  return `unknown Google source path '${from}'${didYouMean(from, KNOWN_SOURCE_PATHS)}; a source is ${FORMS}`;
}

/** Every `from` must be a Google field halo-sync knows how to read. */
export function fieldSourcesKnown(context: RuleContext): Diagnostic[] {
  return IMPORT_KINDS.flatMap((kind) =>
    fieldMapsOf(context, kind).flatMap(({ map, pointer }) => {
      const message = sourceProblem(map.from);
      return message ? [report(context, { code: 'unknown-source-path', pointer: `${pointer}/from`, message })] : [];
    }),
  );
}
