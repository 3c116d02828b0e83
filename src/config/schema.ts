/**
 * The halo-sync.yaml language (version 1) as JSON Schema 2020-12. This object is the source of
 * truth: the published `schema/halo-sync.schema.json` (what editors load through the
 * `yaml-language-server` line) is generated from it and checked byte-for-byte by
 * tests/config/schema.test.ts (`npx vitest run tests/config/schema.test.ts -u` rewrites it).
 * It lives in TypeScript so the loader needs no file at run time (the bundled Action has none)
 * and so `default`s are taken from defaults.ts instead of copied.
 *
 * Every property carries a description and examples; every object refuses unknown keys.
 */
import { DEFAULT_AGENT_FIELDS, DEFAULT_USER_FIELDS, DEFAULTS, SIGN_IN_DEFAULTS } from './defaults.js';
import { FILTER_DEFS, MAPPING_DEFS } from './schema-defs.js';

const nonEmptyString = { type: 'string', minLength: 1 } as const;

const groupEmail = (description: string) => ({
  ...nonEmptyString,
  description,
  examples: ['it-admins@acme.com'],
});

const lifecyclePolicy = (description: string, fallback: string) => ({
  description,
  enum: ['deactivate', 'keep'],
  default: fallback,
  examples: [fallback],
});

export const CONFIG_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:halo-sync:schema:config:v1',
  title: 'halo-sync configuration (halo-sync.yaml, version 1)',
  description:
    'Which Google Workspace people become which HaloPSA end users and agents, with which fields, roles, CAB seats and licences. Secrets never go in this file: use the environment (HALO_CLIENT_ID, HALO_CLIENT_SECRET, GOOGLE_APPLICATION_CREDENTIALS, GOOGLE_ADMIN_SUBJECT).',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'google', 'halo', 'mappings'],
  properties: {
    version: {
      description: 'Version of the halo-sync.yaml language. halo-sync understands version 1.',
      const: 1,
      examples: [1],
    },
    google: {
      description: 'Which Google Workspace directory (or directories) halo-sync reads. Google is only ever read, never written.',
      type: 'object',
      additionalProperties: false,
      examples: [{ directory: 'own' }, { directory: 'customers' }],
      properties: {
        directory: {
          description:
            '`own`: read your own directory (most organisations). `customers`: a Google reseller reading its customers\' directories; then every mapping names its `customer`.',
          enum: ['own', 'customers'],
          default: DEFAULTS.google.directory,
          examples: ['own', 'customers'],
        },
        customer: {
          ...nonEmptyString,
          description: 'With `directory: own`: `my_customer` (the directory of the admin halo-sync acts as) or an explicit Google customer id.',
          default: DEFAULTS.google.customer,
          examples: ['my_customer', 'C01abc23'],
        },
      },
    },
    halo: {
      description: 'The HaloPSA instance to keep in step. Client id and secret come from the environment (HALO_CLIENT_ID, HALO_CLIENT_SECRET), never from this file.',
      type: 'object',
      additionalProperties: false,
      required: ['url'],
      examples: [{ url: 'https://acme.halopsa.com' }, { url: 'https://halo.example.com', tenant: 'acme' }],
      properties: {
        url: {
          ...nonEmptyString,
          description: 'Base URL of Halo (http or https, without `/api`). The HALO_URL environment variable overrides it.',
          examples: ['https://acme.halopsa.com'],
        },
        tenant: {
          ...nonEmptyString,
          description: 'Halo tenant name, for hosted instances that need one when requesting a token. The HALO_TENANT environment variable overrides it.',
          examples: ['acme'],
        },
      },
    },
    mappings: {
      description:
        'Which Google users become Halo end users (mappings with `site`) and agents (mappings with `agent: true`). Within one import the first mapping that matches a person places them, so put narrow mappings first.',
      type: 'array',
      minItems: 1,
      items: { $ref: '#/$defs/mapping' },
      examples: [[{ name: 'head-office', site: 'Head Office', filter: { field: 'orgUnitPath', op: 'under', value: '/Staff' } }]],
    },
    fields: {
      description:
        'Google field → Halo field maps, per import. Without this section halo-sync uses the maps Halo\'s own integration pre-creates (email, job title, phones, department); an explicit list replaces them. Names (first name, surname, display name) are always mapped and cannot be listed.',
      type: 'object',
      additionalProperties: false,
      examples: [{ users: [{ from: 'primaryEmail', to: 'emailaddress' }], agents: [{ from: 'primaryEmail', to: 'email' }] }],
      properties: {
        users: {
          description: 'Field maps for Halo end users. Each Halo field may be a target once.',
          type: 'array',
          items: { $ref: '#/$defs/fieldMap' },
          default: DEFAULT_USER_FIELDS.map((f) => ({ ...f })),
          examples: [[{ from: 'organizations.title', to: 'title' }]],
        },
        agents: {
          description: 'Field maps for Halo agents. Each Halo field may be a target once.',
          type: 'array',
          items: { $ref: '#/$defs/fieldMap' },
          default: DEFAULT_AGENT_FIELDS.map((f) => ({ ...f })),
          examples: [[{ from: 'phones[type=mobile]', to: 'sms' }]],
        },
      },
    },
    matching: {
      description:
        'How Halo records that have no Google id yet are matched to Google users, keys tried in order. Two candidates for one person is an ambiguity: the person is skipped with a warning, never guessed.',
      type: 'object',
      additionalProperties: false,
      examples: [{ users: ['email', 'name'], agents: ['email'], agentIdField: 'third_party_guid' }],
      properties: {
        users: {
          description: 'Match keys for end users, in order. `email`: case-insensitive email; `name`: first name + surname, ignoring case and spaces.',
          type: 'array',
          items: { $ref: '#/$defs/matchKey' },
          default: [...DEFAULTS.matching.users],
          examples: [['email', 'name']],
        },
        agents: {
          description: 'Match keys for agents, in order.',
          type: 'array',
          items: { $ref: '#/$defs/matchKey' },
          default: [...DEFAULTS.matching.agents],
          examples: [['email']],
        },
        agentIdField: {
          ...nonEmptyString,
          description: 'String field of Halo\'s agent record that keeps the Google user id (agents have no googleworkplace_id). It cannot also be a field-map target.',
          default: DEFAULTS.matching.agentIdField,
          examples: ['third_party_guid'],
        },
      },
    },
    roles: {
      description: 'Google group → Halo agent role. Members (nested groups included) in the agents import get the role; leaving the group removes it at the next run. Roles no rule names are never touched.',
      type: 'array',
      items: {
        description: 'One group → role rule.',
        type: 'object',
        additionalProperties: false,
        required: ['group', 'role'],
        properties: {
          group: groupEmail('Email of the Google group whose members get the role.'),
          role: { ...nonEmptyString, description: 'Name of the Halo agent role.', examples: ['Administrator'] },
        },
      },
      examples: [[{ group: 'it-admins@acme.com', role: 'Administrator' }]],
    },
    cabs: {
      description: 'Google group → Halo change advisory board seat, added and removed like roles.',
      type: 'array',
      items: {
        description: 'One group → CAB rule.',
        type: 'object',
        additionalProperties: false,
        required: ['group', 'cab'],
        properties: {
          group: groupEmail('Email of the Google group whose members get the CAB seat.'),
          cab: { ...nonEmptyString, description: 'Name of the Halo change advisory board.', examples: ['Infrastructure CAB'] },
        },
      },
      examples: [[{ group: 'change-approvers@acme.com', cab: 'Infrastructure CAB' }]],
    },
    licence: {
      description: 'Licence management: when enabled, an agent in the agents import is active only while it holds one of `activeRoles`; otherwise it is deactivated (and counts toward the safety limits).',
      type: 'object',
      additionalProperties: false,
      examples: [{ enabled: true, activeRoles: ['Technician', 'Administrator'] }],
      properties: {
        enabled: { description: 'Turn licence management on.', type: 'boolean', default: DEFAULTS.licence.enabled, examples: [true] },
        activeRoles: {
          description: 'Roles that keep an agent active (licensed). Required, non-empty, when `enabled` is true.',
          type: 'array',
          items: { ...nonEmptyString, description: 'A Halo agent role name.', examples: ['Technician'] },
          default: [...DEFAULTS.licence.activeRoles],
          examples: [['Technician', 'Administrator']],
        },
      },
    },
    lifecycle: {
      description: 'What happens to people Google suspends and to people who leave every mapping. halo-sync never deletes; someone who returns is reactivated, not recreated.',
      type: 'object',
      additionalProperties: false,
      examples: [{ suspended: 'deactivate', outOfScope: 'keep' }],
      properties: {
        suspended: lifecyclePolicy('Google-suspended people: `deactivate` their Halo record or `keep` it as it is.', DEFAULTS.lifecycle.suspended),
        outOfScope: lifecyclePolicy('People halo-sync linked who no longer match any mapping: `deactivate` or `keep`.', DEFAULTS.lifecycle.outOfScope),
      },
    },
    safety: {
      description: 'Limits a plan must stay within to be applied. A plan over a limit is shown in full but refused by apply (exit 3); to go over, change the limit here, through review.',
      type: 'object',
      additionalProperties: false,
      examples: [{ maxDeactivations: 10, maxDeactivationPercent: 10, protectedAgents: ['breakglass@acme.com'] }],
      properties: {
        maxDeactivations: {
          description: 'Most deactivations (users and agents, lifecycle and licence together) one plan may hold.',
          type: 'integer',
          minimum: 0,
          default: DEFAULTS.safety.maxDeactivations,
          examples: [10],
        },
        maxDeactivationPercent: {
          description: 'Most deactivations one plan may hold, as a percentage (0 to 100) of the records halo-sync manages.',
          type: 'number',
          minimum: 0,
          maximum: 100,
          default: DEFAULTS.safety.maxDeactivationPercent,
          examples: [10],
        },
        protectedAgents: {
          description: 'Agent emails that are never deactivated nor stripped of roles (break-glass accounts).',
          type: 'array',
          items: { ...nonEmptyString, description: 'An agent email address.', examples: ['breakglass@acme.com'] },
          default: [...DEFAULTS.safety.protectedAgents],
          examples: [['breakglass@acme.com']],
        },
      },
    },
    signIn: {
      description: 'Halo\'s Google Sign-In settings. Absent: halo-sync leaves them alone.',
      type: 'object',
      additionalProperties: false,
      examples: [{ agents: true, portal: false, appId: '923645183353-abc', autoRedirect: false }],
      properties: {
        agents: { description: 'Let agents sign in to Halo with Google.', type: 'boolean', default: SIGN_IN_DEFAULTS.agents, examples: [true] },
        portal: { description: 'Let end users sign in to the Halo portal with Google.', type: 'boolean', default: SIGN_IN_DEFAULTS.portal, examples: [false] },
        appId: {
          ...nonEmptyString,
          description: 'Google OAuth client id, without the `.apps.googleusercontent.com` suffix.',
          examples: ['923645183353-abc'],
        },
        autoRedirect: {
          description: 'Send people straight to Google\'s sign-in page. Only allowed while sign-in is enabled for agents or the portal; turn it on once sign-in is confirmed working.',
          type: 'boolean',
          default: SIGN_IN_DEFAULTS.autoRedirect,
          examples: [false],
        },
      },
    },
  },
  $defs: {
    ...MAPPING_DEFS,
    ...FILTER_DEFS,
  },
} as const;

