/**
 * One clear message per malformed filter node. The schema says a filter is one of three shapes
 * (clause | {all} | {any}); when a node fits none, ajv reports every way every shape failed, which
 * is noise. The schema-error mapper drops those errors and asks this walker instead: it reads the
 * node the way the user meant it (a node with `all` is an AND, `any` an OR, anything else a clause)
 * and says what is wrong with it. Pure; recursion is bounded by the YAML depth check.
 */
import { FILTER_OPS } from './filter-ops.js';
import { childPointer, closest, describeValue, didYouMean, humanPath, listOf, quote } from './text.js';

export interface ShapeProblem {
  pointer: string;
  /** `key`: point at the key of `pointer` itself (unknown keys), else at its value. */
  at: 'key' | 'value';
  code: string;
  message: string;
}

const CLAUSE_KEYS = ['field', 'op', 'value'];
const SHAPES = 'a clause { field, op, value }, { all: [ … ] } or { any: [ … ] }';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listProblems(node: Record<string, unknown>, key: 'all' | 'any', pointer: string): ShapeProblem[] {
  const here = childPointer(pointer, key);
  const list = node[key];
  const meaning = key === 'all' ? 'every filter in it must match' : 'at least one filter in it must match';
  const problems: ShapeProblem[] = Object.keys(node)
    .filter((k) => k !== key)
    .map((k) => ({
      pointer: childPointer(pointer, k),
      at: 'key' as const,
      code: 'filter-mixed-node',
      message: `unknown key '${k}' next to '${key}' in ${humanPath(pointer)}: a filter node is either a clause or '${key}: [ … ]'; move the clause into the '${key}' list`,
    }));
  if (!Array.isArray(list)) {
    problems.push({ pointer: here, at: 'value', code: 'filter-not-a-list', message: `${humanPath(here)} must be a list of filters (${meaning}), not ${describeValue(list)}` });
    return problems;
  }
  if (list.length === 0) {
    problems.push({ pointer: here, at: 'value', code: 'filter-empty-list', message: `${humanPath(here)} is an empty list: give at least one filter, or remove the filter to match everyone` });
  }
  list.forEach((child, index) => problems.push(...filterShapeProblems(child, childPointer(here, index))));
  return problems;
}

function clauseProblems(node: Record<string, unknown>, pointer: string): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  let missing = CLAUSE_KEYS.filter((k) => !(k in node));
  for (const key of Object.keys(node)) {
    if (CLAUSE_KEYS.includes(key)) continue;
    // A misspelt key explains the missing one: say it once ('vaule' → did you mean 'value'?).
    const meant = closest(key, [...CLAUSE_KEYS, 'all', 'any']);
    missing = missing.filter((m) => m !== meant);
    problems.push({
      pointer: childPointer(pointer, key),
      at: 'key',
      code: 'unknown-key',
      message: `unknown key '${key}' in filter clause ${humanPath(pointer)}${meant ? ` (did you mean '${meant}'?)` : ''}; a clause has field, op and value`,
    });
  }
  if (missing.length > 0) {
    problems.push({
      pointer,
      at: 'value',
      code: 'filter-clause-incomplete',
      message: `filter clause ${humanPath(pointer)} is missing ${listOf(missing.map((m) => `'${m}'`), 'and')}: a clause is { field, op, value }, e.g. { field: orgUnitPath, op: under, value: /Staff }`,
    });
  }
  const { field, op, value } = node;
  if ('field' in node && (typeof field !== 'string' || field === '')) {
    problems.push({ pointer: childPointer(pointer, 'field'), at: 'value', code: 'filter-field-type', message: `${humanPath(childPointer(pointer, 'field'))} must be a field name such as email or orgUnitPath, not ${describeValue(field)}` });
  }
  if ('op' in node && !(typeof op === 'string' && (FILTER_OPS as readonly string[]).includes(op))) {
    const hint = typeof op === 'string' ? didYouMean(op, FILTER_OPS) : '';
    problems.push({
      pointer: childPointer(pointer, 'op'),
      at: 'value',
      code: 'filter-unknown-op',
      message: `unknown filter operator ${quote(op)}${hint} in ${humanPath(pointer)}; operators are ${listOf([...FILTER_OPS])}`,
    });
  }
  if ('value' in node) problems.push(...valueProblems(value, childPointer(pointer, 'value')));
  return problems;
}

function isScalarValue(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function valueProblems(value: unknown, pointer: string): ShapeProblem[] {
  if (isScalarValue(value)) return [];
  if (Array.isArray(value)) {
    const bad = value.findIndex((v) => !isScalarValue(v));
    if (bad < 0) return [];
    const at = childPointer(pointer, bad);
    return [{ pointer: at, at: 'value', code: 'filter-value-type', message: `${humanPath(at)} must be a plain value (text, number or true/false), not ${describeValue(value[bad])}` }];
  }
  return [{ pointer, at: 'value', code: 'filter-value-type', message: `${humanPath(pointer)} must be text, a number, true/false or a list of those, not ${describeValue(value)}` }];
}

/** Every problem with the shape of a filter node and the nodes under it. */
export function filterShapeProblems(node: unknown, pointer: string): ShapeProblem[] {
  if (!isPlainObject(node)) {
    return [{ pointer, at: 'value', code: 'filter-not-a-node', message: `${humanPath(pointer)} must be ${SHAPES}, not ${describeValue(node)}` }];
  }
  if ('all' in node && 'any' in node) {
    return [{ pointer, at: 'value', code: 'filter-mixed-node', message: `${humanPath(pointer)} has both 'all' and 'any': nest one inside the other, e.g. { all: [ { any: [ … ] }, … ] }` }];
  }
  if ('all' in node) return listProblems(node, 'all', pointer);
  if ('any' in node) return listProblems(node, 'any', pointer);
  return clauseProblems(node, pointer);
}
