/**
 * Turns ajv's errors into diagnostics people can act on: an unknown key at the key itself with a
 * suggestion, a missing key at its parent, a wrong type or value at the node, and one message per
 * malformed filter node instead of ajv's attempt-by-attempt account of the `oneOf`. Pure.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { filterShapeProblems } from './filter-shape.js';
import { keyPosition, valueAtPointer, valuePosition, type PositionIndex } from './positions.js';
import { childPointer, closest, describeValue, didYouMean, humanPath, inPath, listOf, quote, splitPointer } from './text.js';

export interface SchemaErrorContext extends PositionIndex {
  file: string;
  data: unknown;
  /** Pointers of keys already reported by the secrets rule: not reported again as unknown keys. */
  reportedKeys: ReadonlySet<string>;
}

/** What to add when a required key is missing, so the message says what to write. */
const MISSING_HINTS: Record<string, string> = {
  version: ': add `version: 1` at the top (halo-sync understands version 1)',
  google: ': add `google: { directory: own }` (or `customers` for a reseller)',
  halo: ': add `halo: { url: https://<your instance>.halopsa.com }`',
  mappings: ': add at least one mapping, e.g. `- { name: staff, site: Head Office }`',
  name: ': give the mapping a unique name, shown in plans',
  url: ': the base URL of Halo, e.g. https://acme.halopsa.com',
  from: ': the Google source path, e.g. primaryEmail',
  to: ': the Halo field, e.g. emailaddress',
  group: ': the email of a Google group',
  role: ': the name of a Halo agent role',
  cab: ': the name of a Halo change advisory board',
};

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
  array: 'a list',
  object: 'a mapping of keys',
};

const YAML11_BOOLEANS = /^(yes|no|on|off|y|n|true|false)$/i;

function isAtOrUnder(pointer: string, root: string): boolean {
  return pointer === root || pointer.startsWith(`${root}/`);
}

/** Pointers of failed `oneOf`s (filters), outermost only: everything under them is re-diagnosed. */
function failedFilterRoots(errors: readonly ErrorObject[]): string[] {
  const roots = [...new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath))].sort((a, b) => a.length - b.length);
  return roots.filter((root, i) => !roots.slice(0, i).some((outer) => isAtOrUnder(root, outer)));
}

function typeMessage(pointer: string, expected: string, value: unknown): string {
  const words = expected.split(',').map((t) => TYPE_WORDS[t] ?? t);
  const hint =
    expected === 'boolean' && typeof value === 'string' && YAML11_BOOLEANS.test(value)
      ? ' (write true or false without quotes; YAML 1.2 reads yes/no/on/off as text)'
      : '';
  return `${humanPath(pointer)} must be ${listOf(words)}, not ${describeValue(value)}${hint}`;
}

function enumMessage(pointer: string, allowed: readonly unknown[], value: unknown): string {
  const names = allowed.map(String);
  const hint = typeof value === 'string' ? didYouMean(value, names) : '';
  const never = typeof value === 'string' && /delete|remove/i.test(value) && names.includes('deactivate') ? ' (halo-sync never deletes)' : '';
  return `${humanPath(pointer)} must be ${listOf(names.map((n) => `'${n}'`))}, not ${quote(value)}${hint}${never}`;
}

function versionMessage(value: unknown): string {
  if (value === '1') return "version must be the number 1, not the string '1': write `version: 1` without quotes";
  return `unsupported version ${quote(value)}: halo-sync understands version 1; write \`version: 1\``;
}

function mapOne(error: ErrorObject, context: SchemaErrorContext): Diagnostic | undefined {
  const pointer = error.instancePath;
  const value = valueAtPointer(context.data, splitPointer(pointer));
  const at = (code: string, message: string, where = valuePosition(context, pointer), target = pointer): Diagnostic => ({
    severity: 'error',
    code,
    message,
    file: context.file,
    ...where,
    pointer: target,
  });
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const target = childPointer(pointer, key);
      if (context.reportedKeys.has(target)) return undefined;
      const allowed = Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      const hint = didYouMean(key, allowed);
      const list = hint || allowed.length === 0 ? '' : `; allowed keys: ${allowed.join(', ')}`;
      return at('unknown-key', `unknown key '${key}' ${inPath(pointer)}${hint}${list}`, keyPosition(context, target), target);
    }
    case 'required': {
      const key = String(params.missingProperty);
      const subject = pointer === '' ? 'the file' : humanPath(pointer);
      return at('missing-key', `${subject} is missing required key '${key}'${MISSING_HINTS[key] ?? ''}`);
    }
    case 'type':
      return at('wrong-type', typeMessage(pointer, String(params.type), value));
    case 'enum':
      return at('invalid-value', enumMessage(pointer, (params.allowedValues as unknown[]) ?? [], value));
    case 'const':
      return at('unsupported-version', pointer === '/version' ? versionMessage(value) : `${humanPath(pointer)} must be ${quote(params.allowedValue)}`);
    case 'minItems':
      if (pointer === '/mappings') return at('no-mappings', 'mappings is empty: add at least one mapping (with no mappings halo-sync would place no one)');
      return at('too-few-items', `${humanPath(pointer)} must have at least ${String(params.limit)} item(s)`);
    case 'minLength':
      return at('empty-value', `${humanPath(pointer)} is empty: give a value or remove the key`);
    case 'minimum':
    case 'maximum': {
      const bound = error.keyword === 'minimum' ? 'at least' : 'at most';
      const range = pointer.endsWith('Percent') ? ' (a percentage, 0 to 100)' : '';
      return at('out-of-range', `${humanPath(pointer)} must be ${bound} ${String(params.limit)}${range}, not ${String(value)}`);
    }
    default:
      return at('schema', `${humanPath(pointer)} ${error.message ?? 'is not valid'}`);
  }
}

/**
 * `nmae: x` yields both "unknown key 'nmae' (did you mean 'name'?)" and "missing required key
 * 'name'": one mistake, so the second message is dropped. Returns `parent/missingKey` entries.
 */
function missingKeysExplainedByTypos(errors: readonly ErrorObject[]): Set<string> {
  const explained = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const allowed = Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
    const meant = closest(String(error.params.additionalProperty), allowed);
    if (meant !== undefined) explained.add(`${error.instancePath}/${meant}`);
  }
  return explained;
}

/** Diagnostics for every schema error, filters collapsed to one message per problem. */
export function schemaDiagnostics(errors: readonly ErrorObject[], context: SchemaErrorContext): Diagnostic[] {
  const roots = failedFilterRoots(errors);
  const out: Diagnostic[] = [];
  for (const root of roots) {
    const problems = filterShapeProblems(valueAtPointer(context.data, splitPointer(root)), root);
    if (problems.length === 0) {
      // The walker and the schema disagree: still say something true rather than nothing.
      problems.push({ pointer: root, at: 'value', code: 'filter-invalid', message: `${humanPath(root)} is not a valid filter: it must be a clause { field, op, value }, { all: [ … ] } or { any: [ … ] }` });
    }
    for (const p of problems) {
      const where = p.at === 'key' ? keyPosition(context, p.pointer) : valuePosition(context, p.pointer);
      out.push({ severity: 'error', code: p.code, message: p.message, file: context.file, ...where, pointer: p.pointer });
    }
  }
  const explained = missingKeysExplainedByTypos(errors);
  for (const error of errors) {
    if (roots.some((root) => isAtOrUnder(error.instancePath, root))) continue;
    if (error.keyword === 'required' && explained.has(`${error.instancePath}/${String(error.params.missingProperty)}`)) continue;
    const diagnostic = mapOne(error, context);
    if (diagnostic) out.push(diagnostic);
  }
  const seen = new Set<string>();
  return out.filter((d) => {
    const key = `${d.line}:${d.column}:${d.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
