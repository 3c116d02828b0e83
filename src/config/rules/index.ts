/**
 * The semantic rules, in the order their findings are most useful. Each is a small pure function of
 * the config after defaults and the node positions (see context.ts). The secrets scan is separate:
 * it runs on the raw document before the schema check (secrets.ts).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { agentIdField } from './agent-id-field.js';
import type { Rule, RuleContext } from './context.js';
import { defaultRoleOnAgentsOnly } from './default-role.js';
import { emailsLookLikeEmails } from './group-emails.js';
import { fieldSourcesKnown } from './field-sources.js';
import { fieldTargetsUnique } from './field-target-unique.js';
import { fieldTargetsAllowed } from './field-targets.js';
import { filterFields } from './filter-fields.js';
import { filterValues } from './filter-values.js';
import { haloUrl } from './halo-url.js';
import { licence } from './licence.js';
import { mappingCoverage } from './mapping-coverage.js';
import { mappingCustomer } from './mapping-customer.js';
import { mappingKind } from './mapping-kind.js';
import { matchingKeys } from './matching-keys.js';
import { signIn } from './sign-in.js';
import { uniqueGroupRules } from './unique-group-rules.js';
import { uniqueMappingNames } from './unique-mapping-names.js';

export const RULES: ReadonlyArray<{ name: string; check: Rule }> = [
  { name: 'halo-url', check: haloUrl },
  { name: 'unique-mapping-names', check: uniqueMappingNames },
  { name: 'mapping-kind', check: mappingKind },
  { name: 'default-role', check: defaultRoleOnAgentsOnly },
  { name: 'mapping-customer', check: mappingCustomer },
  { name: 'filter-fields', check: filterFields },
  { name: 'filter-values', check: filterValues },
  { name: 'mapping-coverage', check: mappingCoverage },
  { name: 'field-sources', check: fieldSourcesKnown },
  { name: 'field-targets', check: fieldTargetsAllowed },
  { name: 'field-target-unique', check: fieldTargetsUnique },
  { name: 'matching-keys', check: matchingKeys },
  { name: 'agent-id-field', check: agentIdField },
  { name: 'unique-group-rules', check: uniqueGroupRules },
  { name: 'emails', check: emailsLookLikeEmails },
  { name: 'licence', check: licence },
  { name: 'sign-in', check: signIn },
];

export function runRules(context: RuleContext): Diagnostic[] {
  return RULES.flatMap((rule) => rule.check(context));
}
