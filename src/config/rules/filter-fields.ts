import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { BOOLEAN_FILTER_FIELDS, FILTER_FIELDS } from '../../filter/evaluate.js';
import { describeValue, didYouMean } from '../text.js';
import { report, type Finding, type RuleContext } from './context.js';
import { filterClauses, type PlacedClause } from './filter-walk.js';

const CUSTOM_FIELD = /^customSchemas\.[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/;

/** Names people reach for that Google (and halo-sync) spell differently. */
const ALIASES: Record<string, string> = {
  primaryemail: 'email',
  mail: 'email',
  orgunit: 'orgUnitPath',
  ou: 'orgUnitPath',
  firstname: 'givenName',
  lastname: 'familyName',
  surname: 'familyName',
  jobtitle: 'title',
  groups: 'group',
  memberof: 'group',
  admin: 'isAdmin',
  costcentre: 'costCenter',
};

function isBooleanField(field: string): boolean {
  return (BOOLEAN_FILTER_FIELDS as readonly string[]).includes(field);
}

function fieldFinding({ clause, pointer }: PlacedClause): Finding | undefined {
  const { field, op, value } = clause;
  if (!(FILTER_FIELDS as readonly string[]).includes(field) && !CUSTOM_FIELD.test(field)) {
    if (field.startsWith('customSchemas.')) {
      return { code: 'unknown-filter-field', pointer: `${pointer}/field`, message: `'${field}' is not a custom attribute field: write customSchemas.<Schema>.<field>, e.g. customSchemas.Employment.location` };
    }
    const alias = ALIASES[field.toLowerCase()];
    const hint = alias ? ` (did you mean '${alias}'?)` : didYouMean(field, FILTER_FIELDS);
    return { code: 'unknown-filter-field', pointer: `${pointer}/field`, message: `unknown filter field '${field}'${hint}; fields are ${FILTER_FIELDS.join(', ')} and customSchemas.<Schema>.<field>` };
  }
  if (op === 'memberOf' && field !== 'group') {
    return { code: 'member-of-needs-group', pointer: `${pointer}/field`, message: `op memberOf tests group membership and needs field group, not '${field}': write { field: group, op: memberOf, value: <group email> }` };
  }
  if (field === 'group' && op !== 'memberOf') {
    return { code: 'group-needs-member-of', pointer: `${pointer}/op`, message: `field group is tested with op memberOf only, not '${op}': write { field: group, op: memberOf, value: <group email> }` };
  }
  if (isBooleanField(field) && op !== 'equals' && op !== 'notEquals') {
    return { code: 'boolean-field-op', pointer: `${pointer}/op`, message: `${field} is true or false, so op '${op}' does not apply: use op equals or notEquals with value true or false` };
  }
  if (isBooleanField(field) && typeof value !== 'boolean') {
    return { code: 'boolean-field-value', pointer: `${pointer}/value`, message: `${field} is true or false: write value: true or value: false (without quotes), not ${describeValue(value)}` };
  }
  return undefined;
}

/** Filter fields must exist, and each kind of field goes with the operators that make sense for it. */
export function filterFields(context: RuleContext): Diagnostic[] {
  return filterClauses(context).flatMap((placed) => {
    const finding = fieldFinding(placed);
    return finding ? [report(context, finding)] : [];
  });
}
