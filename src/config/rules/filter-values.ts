import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { BOOLEAN_FILTER_FIELDS } from '../../filter/evaluate.js';
import { describeValue } from '../text.js';
import { isEmailLike, report, type Finding, type RuleContext } from './context.js';
import { filterClauses, type PlacedClause } from './filter-walk.js';

function isBooleanField(field: string): boolean {
  return (BOOLEAN_FILTER_FIELDS as readonly string[]).includes(field);
}

function regexError(source: string): string | undefined {
  try {
    // The evaluator compiles with the `u` flag; check the same way.
    new RegExp(source, 'u');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The value problem of one clause (boolean fields and field/op pairing are filter-fields' job). */
function valueFinding({ clause, pointer }: PlacedClause): Finding | undefined {
  const { field, op, value } = clause;
  if (isBooleanField(field) || (field === 'group') !== (op === 'memberOf')) return undefined;
  const at = `${pointer}/value`;
  const problem = (code: string, message: string, severity: 'error' | 'warning' = 'error'): Finding => ({ severity, code, pointer: at, message });
  if (op === 'in') {
    if (!Array.isArray(value)) return problem('in-needs-list', `op in needs a list of values, e.g. value: [Sales, Support], not ${describeValue(value)}; for one value use op equals`);
    if (value.length === 0) return problem('in-empty-list', 'op in needs at least one value: an empty list matches no one');
    const bad = value.findIndex((v) => typeof v !== 'string');
    if (bad >= 0) return { code: 'filter-value-not-text', pointer: `${at}/${bad}`, message: `values of op in are compared as text: quote ${String(value[bad])} as "${String(value[bad])}"` };
    return undefined;
  }
  if (Array.isArray(value)) return problem('list-needs-in', `op ${op} compares with one value, not a list: use op in to match any value of a list`);
  if (typeof value !== 'string') {
    return problem('filter-value-not-text', `op ${op} compares text: write the value in quotes ("${String(value)}"), not ${describeValue(value)}`);
  }
  if (op === 'matches') {
    const error = regexError(value);
    if (error) return problem('invalid-regex', `op matches needs a valid JavaScript regular expression: ${error}`);
  }
  if (op === 'under' && !value.startsWith('/')) {
    return problem('under-needs-path', `op under takes an organizational unit path starting with '/', e.g. /${value}, not '${value}'`);
  }
  if (op === 'memberOf' && !isEmailLike(value)) {
    return problem('member-of-needs-email', `op memberOf needs the email address of a Google group, e.g. staff@acme.com, not '${value}'`);
  }
  if (field === 'orgUnitPath' && (op === 'equals' || op === 'notEquals' || op === 'startsWith') && !value.startsWith('/')) {
    const effect = op === 'notEquals' ? 'every user passes this test' : 'this test matches no one';
    return problem('ou-path-without-slash', `organizational unit paths start with '/', so with '${value}' ${effect}: write /${value}`, 'warning');
  }
  return undefined;
}

/** Each operator gets the kind of value it works on. */
export function filterValues(context: RuleContext): Diagnostic[] {
  return filterClauses(context).flatMap((placed) => {
    const finding = valueFinding(placed);
    return finding ? [report(context, finding)] : [];
  });
}
