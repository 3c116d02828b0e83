/**
 * fast-check generators for the pushdown property: random directories and random filter trees over
 * every filter field and operator. Values come from small pools shared by the data and the filters
 * (plus case, padding and trailing-slash variants), so filters actually select someone, and the
 * pools hold the awkward cases: quotes, backslashes, spaces, sub-OUs vs look-alike OUs, aliases,
 * several organizations, multi-valued custom attributes.
 *
 * Data values are trimmed and in NFC, as Google stores them.
 */
import fc from 'fast-check';
import type { Filter, FilterClause, FilterOp } from '../../src/config/types.js';
import type { DirectoryUser, GroupMembers } from '../../src/model/directory.js';
import { filterFieldValue } from '../../src/filter/evaluate.js';

export const GIVEN = ['Jane', 'Janet', 'Mary Ann', 'jo', 'Zoë', "D'Arcy", 'Al\\x', 'Bob'];
export const FAMILY = ['Smith', "O'Brien", 'smithers', 'Van Dyke', 'Ng', 'Back\\slash'];
export const LOCALS = ['jane', 'jo.smith', "o'neil", 'bob', 'j.doe', 'admin'];
export const DOMAINS = ['acme.com', 'acme.co', 'other.org'];
export const OUS = ['/', '/Staff', '/Staff/Sales', '/staff/sales/EMEA', '/Staffing', "/It's", '/Sales Team', '/a\\b'];
export const TITLES = ['Engineer', 'engineer', 'Lead Engineer', 'Manager', "Chef d'équipe"];
export const DEPARTMENTS = ['R&D', 'Sales', 'sales', 'Support'];
export const COST_CENTERS = ['CC-1', 'CC-2', 'cc-10'];
export const LEVELS = ['1', '2', '3', 'Senior'];
export const GROUPS = ['staff@acme.com', 'admins@acme.com', 'empty@acme.com'];

const emailArb = fc.tuple(fc.constantFrom(...LOCALS), fc.constantFrom(...DOMAINS)).map(([l, d]) => `${l}@${d}`);

const organizationArb = fc.record(
  {
    title: fc.constantFrom(...TITLES),
    department: fc.constantFrom(...DEPARTMENTS),
    costCenter: fc.constantFrom(...COST_CENTERS),
    primary: fc.boolean(),
  },
  { requiredKeys: [] },
);

const userBodyArb = fc.record(
  {
    primaryEmail: emailArb,
    aliases: fc.array(emailArb, { maxLength: 2 }),
    name: fc.record({ givenName: fc.constantFrom(...GIVEN), familyName: fc.constantFrom(...FAMILY) }, { requiredKeys: [] }),
    orgUnitPath: fc.constantFrom(...OUS),
    organizations: fc.array(organizationArb, { maxLength: 2 }),
    isAdmin: fc.boolean(),
    suspended: fc.boolean(),
    archived: fc.boolean(),
    customSchemas: fc.record({ Emp: fc.record({ level: fc.oneof(fc.constantFrom(...LEVELS), fc.array(fc.record({ value: fc.constantFrom(...LEVELS) }), { maxLength: 2 })) }) }),
  },
  { requiredKeys: ['primaryEmail'] },
);

/** A directory: unique ids and unique primary emails (Google guarantees both). */
export const directoryArb = fc.array(userBodyArb, { minLength: 5, maxLength: 40 }).map((bodies) => {
  const seen = new Set<string>();
  const users: DirectoryUser[] = [];
  bodies.forEach((body, i) => {
    const key = body.primaryEmail.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    users.push({ ...body, id: String(100000 + i) } as DirectoryUser);
  });
  return users;
});

type Variant = 'as-is' | 'upper' | 'lower' | 'padded' | 'slash' | 'prefix';
const VARIANTS: Variant[] = ['as-is', 'upper', 'lower', 'padded', 'slash', 'prefix'];

/** Case, padding and trailing-slash variants, like a hand-written config. */
function applyVariant(v: string, how: Variant): string {
  switch (how) {
    case 'upper':
      return v.toUpperCase();
    case 'lower':
      return v.toLowerCase();
    case 'padded':
      return `  ${v} `;
    case 'slash':
      return `${v}/`;
    case 'prefix':
      return v.slice(0, Math.max(1, Math.ceil(v.length / 2)));
    default:
      return v;
  }
}
const variant = (values: readonly string[]) => fc.tuple(fc.constantFrom(...values), fc.constantFrom(...VARIANTS)).map(([v, how]) => applyVariant(v, how));

const VALUES: Record<string, fc.Arbitrary<string>> = {
  email: fc.oneof(variant(LOCALS.flatMap((l) => DOMAINS.map((d) => `${l}@${d}`))), variant(LOCALS)),
  domain: variant(DOMAINS),
  orgUnitPath: fc.oneof(variant(OUS), fc.constantFrom('Staff', '//Staff', '')),
  givenName: variant(GIVEN),
  familyName: variant(FAMILY),
  title: variant(TITLES),
  department: variant(DEPARTMENTS),
  costCenter: variant(COST_CENTERS),
  'customSchemas.Emp.level': variant(LEVELS),
  group: fc.constantFrom(...GROUPS),
};

const STRING_OPS: FilterOp[] = ['equals', 'notEquals', 'startsWith', 'endsWith', 'contains', 'matches', 'in', 'under'];
const BOOLEAN_FIELDS = ['isAdmin', 'suspended', 'archived'];

function stringClause(field: string, op: FilterOp): fc.Arbitrary<FilterClause> {
  const value = VALUES[field] as fc.Arbitrary<string>;
  if (op === 'in') return fc.array(value, { minLength: 1, maxLength: 3 }).map((v): FilterClause => ({ field, op, value: v }));
  if (op === 'matches') return value.map((v): FilterClause => ({ field, op, value: `^${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` }));
  return value.map((v): FilterClause => ({ field, op, value: v }));
}

/** Field/operator pairs pushdown may push (or is tempted to): weighted up so they are well covered. */
const NEAR_PUSHABLE: Array<[string, FilterOp]> = [
  ['orgUnitPath', 'under'], ['orgUnitPath', 'equals'], ['orgUnitPath', 'startsWith'],
  ['email', 'equals'], ['email', 'startsWith'], ['givenName', 'equals'], ['givenName', 'startsWith'],
  ['familyName', 'equals'], ['familyName', 'startsWith'], ['title', 'equals'], ['department', 'equals'],
  ['costCenter', 'equals'], ['customSchemas.Emp.level', 'equals'], ['domain', 'equals'],
];

const clauseArb: fc.Arbitrary<FilterClause> = fc.oneof(
  { arbitrary: fc.constantFrom(...NEAR_PUSHABLE).chain(([field, op]) => stringClause(field, op)), weight: 4 },
  {
    arbitrary: fc.tuple(fc.constantFrom(...Object.keys(VALUES).filter((f) => f !== 'group')), fc.constantFrom(...STRING_OPS)).chain(([field, op]) => stringClause(field, op)),
    weight: 2,
  },
  {
    arbitrary: fc.tuple(fc.constantFrom(...BOOLEAN_FIELDS), fc.constantFrom<FilterOp>('equals', 'equals', 'notEquals', 'in'), fc.oneof(fc.boolean(), fc.constantFrom('true', 'FALSE', 'yes'))).map(
      ([field, op, value]): FilterClause => ({ field, op, value: op === 'in' ? [value] : value }),
    ),
    weight: 1,
  },
  { arbitrary: VALUES.group!.map((value): FilterClause => ({ field: 'group', op: 'memberOf', value })), weight: 1 },
);

/** Random trees of all / any / clauses, up to three levels deep. */
export const filterArb: fc.Arbitrary<Filter> = fc.letrec<{ filter: Filter }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: clauseArb, weight: 3 },
    { arbitrary: fc.array(tie('filter'), { minLength: 1, maxLength: 4 }).map((all): Filter => ({ all })), weight: 3 },
    { arbitrary: fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map((any): Filter => ({ any })), weight: 1 },
  ),
})).filter;

/** Random group memberships over a directory (by id or by email). */
export function groupsFor(users: DirectoryUser[], picks: number[]): GroupMembers[] {
  return GROUPS.map((email, g) => {
    const members = users.filter((_, i) => ((picks[i] ?? 0) >> g) & 1);
    return {
      email,
      found: true,
      complete: true,
      userIds: members.filter((_, i) => i % 2 === 0).map((u) => u.id),
      userEmails: members.filter((_, i) => i % 2 === 1).map((u) => u.primaryEmail.toLowerCase()),
      customers: [],
    };
  });
}

/**
 * A directory and a conjunction of one or two near-pushable clauses whose values come from the
 * directory's own people (with variants): filters that select someone, where a pushdown that drops
 * people shows at once.
 */
export const directoryAndConjunctionArb = directoryArb.chain((users) => {
  const clause = fc
    .tuple(fc.constantFrom(...NEAR_PUSHABLE, ['isAdmin', 'equals'] as [string, FilterOp], ['suspended', 'equals'] as [string, FilterOp]), fc.nat(users.length - 1), fc.constantFrom(...VARIANTS))
    .chain(([[field, op], index, how]) => {
      const raw = filterFieldValue(users[index] as DirectoryUser, field);
      const own = Array.isArray(raw) ? raw[0] : raw;
      if (typeof own === 'boolean') return fc.constant<FilterClause>({ field, op, value: own });
      if (typeof own === 'string') return fc.constant<FilterClause>({ field, op, value: applyVariant(own, how) });
      return stringClause(field, op);
    });
  return fc.tuple(fc.constant(users), fc.array(clause, { minLength: 1, maxLength: 2 }).map((all): Filter => (all.length === 1 ? (all[0] as Filter) : { all })));
});
