/**
 * Halo fields that field maps may target (`fields.users[].to`, `fields.agents[].to`). Names come
 * from Halo's published OpenAPI schemas `Users` and `Uname` (string fields only, since Google values
 * are strings). Fields halo-sync manages itself are refused as targets, so a field map can never
 * fight the identity, placement, lifecycle or role logic.
 */

export type ImportKind = 'users' | 'agents';

export const USER_TARGETS: readonly string[] = [
  'emailaddress', 'email2', 'email3', 'title', 'department', 'phonenumber', 'phonenumber_preferred', 'homenumber',
  'mobilenumber', 'mobilenumber2', 'fax', 'initials', 'login', 'samaccountname', 'notes', 'other1', 'other2', 'other3',
  'other4', 'other5', 'manager_email', 'activedirectory_dn', 'third_party_id', 'matching_value', 'jira_id', 'oktaid',
];

export const AGENT_TARGETS: readonly string[] = [
  'email', 'jobtitle', 'sms', 'extensionnumber', 'initials', 'department', 'ad', 'activedirectory_dn',
  'third_party_guid', 'matching_value', 'github_username', 'okta_id', 'signature',
];

/** The fixed name mapping (always on; cannot be a field-map target). */
export const NAME_FIELDS = ['name', 'firstname', 'surname'] as const;

/** Fields halo-sync itself owns on each record type. */
export const MANAGED_FIELDS: Record<ImportKind, readonly string[]> = {
  users: ['id', 'site_id', 'site_name', 'client_id', 'inactive', 'googleworkplace_id', 'customfields'],
  agents: ['id', 'isdisabled', 'roles', 'customfields'],
};

/** The field holding a person's email on each record type (used by `matching: email`). */
export const EMAIL_FIELD: Record<ImportKind, 'emailaddress' | 'email'> = { users: 'emailaddress', agents: 'email' };

export const CUSTOM_PREFIX = 'custom:';

export function isCustomTarget(target: string): boolean {
  return target.startsWith(CUSTOM_PREFIX);
}

export function customFieldName(target: string): string {
  return target.slice(CUSTOM_PREFIX.length);
}

export function knownTargets(kind: ImportKind): readonly string[] {
  return kind === 'users' ? USER_TARGETS : AGENT_TARGETS;
}
