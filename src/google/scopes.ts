/**
 * OAuth scopes halo-sync asks for. Read-only, always: Google is never written to. `doctor` prints
 * these for Admin console › Security › API controls › Domain-wide delegation, where the client id
 * must be granted EXACTLY the scopes requested (one missing scope fails the whole token exchange
 * with `unauthorized_client`).
 */
const BASE = 'https://www.googleapis.com/auth/';

/** What reading users, groups and group members needs. */
export const DIRECTORY_SCOPES: readonly string[] = [
  `${BASE}admin.directory.user.readonly`,
  `${BASE}admin.directory.group.readonly`,
  `${BASE}admin.directory.group.member.readonly`,
];

/** customers.get: only requested when customer ids are checked (doctor), so plain reads need no extra grant. */
export const CUSTOMER_READ_SCOPE = `${BASE}admin.directory.customer.readonly`;

export function directoryScopes(options: { checkCustomers?: boolean } = {}): string[] {
  return options.checkCustomers ? [...DIRECTORY_SCOPES, CUSTOMER_READ_SCOPE] : [...DIRECTORY_SCOPES];
}
