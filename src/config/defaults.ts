import type { Config, FieldMap } from './types.js';

/**
 * Defaults for every optional key (DESIGN.md: only version, google, halo and mappings are required).
 * The default field maps mirror the ones Halo's own integration pre-creates: email, job title,
 * phones and department. An explicit list replaces them.
 */
export const DEFAULT_USER_FIELDS: readonly FieldMap[] = [
  { from: 'primaryEmail', to: 'emailaddress' },
  { from: 'organizations.title', to: 'title' },
  { from: 'organizations.department', to: 'department' },
  { from: 'phones[type=work]', to: 'phonenumber' },
  { from: 'phones[type=mobile]', to: 'mobilenumber' },
];

export const DEFAULT_AGENT_FIELDS: readonly FieldMap[] = [
  { from: 'primaryEmail', to: 'email' },
  { from: 'organizations.title', to: 'jobtitle' },
  { from: 'phones[type=mobile]', to: 'sms' },
];

export const DEFAULTS = {
  google: { directory: 'own', customer: 'my_customer' },
  matching: { users: ['email'], agents: ['email'], agentIdField: 'third_party_guid' },
  licence: { enabled: false, activeRoles: [] },
  lifecycle: { suspended: 'deactivate', outOfScope: 'keep' },
  safety: { maxDeactivations: 10, maxDeactivationPercent: 10, protectedAgents: [] },
} as const satisfies Partial<Record<keyof Config, unknown>>;

/** Defaults inside `signIn` when the section is present (absent: Halo's sign-in settings are left alone). */
export const SIGN_IN_DEFAULTS = { agents: false, portal: false, autoRedirect: false } as const;
