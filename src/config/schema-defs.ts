/**
 * The $defs of the config schema (see schema.ts): a mapping, a field map, a match key and the
 * recursive filter (a clause, or `all` / `any` over filters).
 */
import { FILTER_OPS } from './filter-ops.js';

const nonEmptyString = { type: 'string', minLength: 1 } as const;

export const MAPPING_DEFS = {
  mapping: {
    description: 'One mapping: a set of Google users (a filter over a directory) placed at a Halo site, or made Halo agents.',
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: { ...nonEmptyString, description: 'Unique name, shown in plans and by `explain`.', examples: ['head-office'] },
      site: { ...nonEmptyString, description: 'Halo site name: matching people become end users at this site. Exactly one of `site` and `agent: true`.', examples: ['Head Office'] },
      agent: { description: '`true`: matching people become Halo agents. Exactly one of `site` and `agent: true`.', type: 'boolean', examples: [true] },
      defaultRole: { ...nonEmptyString, description: 'Agent mappings only: the role given to agents created through this mapping (on create only).', examples: ['Technician'] },
      customer: {
        ...nonEmptyString,
        description: 'Google customer id whose directory this mapping reads. Required when `google.directory` is `customers`, refused otherwise.',
        examples: ['C01abc23', 'my_customer'],
      },
      filter: {
        $ref: '#/$defs/filter',
        description: 'Which users of the directory match. No filter means everyone in the directory.',
        examples: [{ field: 'orgUnitPath', op: 'under', value: '/Staff' }, { any: [{ field: 'group', op: 'memberOf', value: 'it@acme.com' }, { field: 'isAdmin', op: 'equals', value: true }] }],
      },
    },
    examples: [{ name: 'engineers', agent: true, defaultRole: 'Technician', filter: { field: 'group', op: 'memberOf', value: 'engineers@acme.com' } }],
  },
  fieldMap: {
    description: 'One field map: a Google source path copied into a Halo field.',
    type: 'object',
    additionalProperties: false,
    required: ['from', 'to'],
    properties: {
      from: {
        ...nonEmptyString,
        description: 'Google source path: a plain field (`primaryEmail`, `orgUnitPath`), `name.givenName`, `organizations.title`, a typed entry (`phones[type=work]`, `relations[type=manager]`) or `customSchemas.<Schema>.<field>`.',
        examples: ['primaryEmail', 'organizations.title', 'phones[type=work]', 'customSchemas.Employment.employeeNumber'],
      },
      to: {
        ...nonEmptyString,
        description: 'Halo field name (string fields of the Users or Uname record), or `custom:<Halo custom field name>`.',
        examples: ['emailaddress', 'title', 'custom:CFEmployeeNumber'],
      },
    },
    examples: [{ from: 'organizations.title', to: 'title' }],
  },
  matchKey: {
    description: '`email` (case-insensitive) or `name` (first name + surname, ignoring case and spaces).',
    enum: ['email', 'name'],
    examples: ['email'],
  },
} as const;

export const FILTER_DEFS = {
  filter: {
    description: 'A filter: one clause `{ field, op, value }`, or `{ all: [...] }` (every filter must match) or `{ any: [...] }` (at least one must match), nestable.',
    oneOf: [{ $ref: '#/$defs/filterClause' }, { $ref: '#/$defs/allFilter' }, { $ref: '#/$defs/anyFilter' }],
    examples: [
      { field: 'orgUnitPath', op: 'under', value: '/Staff' },
      { all: [{ field: 'orgUnitPath', op: 'under', value: '/Staff' }, { field: 'group', op: 'memberOf', value: 'staff@acme.com' }] },
    ],
  },
  filterClause: {
    description: 'One test on one directory field.',
    type: 'object',
    additionalProperties: false,
    required: ['field', 'op', 'value'],
    properties: {
      field: {
        ...nonEmptyString,
        description:
          'Directory field: email, domain, orgUnitPath, givenName, familyName, title, department, costCenter, isAdmin, suspended, archived, group (with memberOf) or customSchemas.<Schema>.<field>.',
        examples: ['orgUnitPath', 'email', 'group', 'customSchemas.Employment.location'],
      },
      op: {
        description:
          'Operator: equals, notEquals, startsWith, endsWith, contains (case-insensitive), matches (JavaScript regular expression), in (a list of values), memberOf (field group; nested groups count), under (an OU and its sub-OUs).',
        enum: [...FILTER_OPS],
        examples: ['under', 'equals', 'memberOf'],
      },
      value: {
        description: 'What to compare with: a string for most operators, true/false for isAdmin, suspended and archived, a list for `in`, a group email for `memberOf`, an OU path starting with `/` for `under`.',
        type: ['string', 'number', 'boolean', 'array'],
        items: { description: 'One of the values `in` accepts.', type: ['string', 'number', 'boolean'] },
        examples: ['/Staff', 'staff@acme.com', true, ['Sales', 'Support']],
      },
    },
  },
  allFilter: {
    description: 'Every filter in the list must match (AND).',
    type: 'object',
    additionalProperties: false,
    required: ['all'],
    properties: {
      all: {
        description: 'Filters that must all match; at least one.',
        type: 'array',
        minItems: 1,
        items: { $ref: '#/$defs/filter' },
        examples: [[{ field: 'orgUnitPath', op: 'under', value: '/Staff' }, { field: 'suspended', op: 'equals', value: false }]],
      },
    },
  },
  anyFilter: {
    description: 'At least one filter in the list must match (OR).',
    type: 'object',
    additionalProperties: false,
    required: ['any'],
    properties: {
      any: {
        description: 'Filters of which at least one must match; at least one.',
        type: 'array',
        minItems: 1,
        items: { $ref: '#/$defs/filter' },
        examples: [[{ field: 'orgUnitPath', op: 'under', value: '/Sales' }, { field: 'orgUnitPath', op: 'under', value: '/Support' }]],
      },
    },
  },
} as const;
