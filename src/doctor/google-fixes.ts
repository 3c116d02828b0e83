/**
 * Google failures → the one sentence that fixes them. OAuth codes from the token exchange follow
 * Google's meanings (reference: google-directory.md §7); Directory API reasons follow §5-6.
 * The console paths are the Admin console's current menu names.
 */
import { ApiError } from '../diagnostics/errors.js';
import type { CredentialsDescription } from '../google/index.js';

export const DWD_PAGE = 'Admin console › Security › Access and data control › API controls › Manage Domain Wide Delegation';
const THIRD_PARTY_PAGE = 'Admin console › Security › Access and data control › API controls › Manage Third-Party App Access';

export interface Problem {
  detail: string;
  fix: string;
}

function clientIdOf(credentials: CredentialsDescription): string {
  return credentials.clientId ?? "the credentials' client id";
}

/** What to paste in the domain-wide delegation page: the client id and the exact scope list. */
function delegationFix(credentials: CredentialsDescription, scopes: readonly string[]): string {
  return (
    `${DWD_PAGE}: add (or edit) client id ${clientIdOf(credentials)} with exactly these scopes (one missing scope refuses them all):\n` +
    `${scopes.join(',')}\nChanges can take up to 24 hours to take effect.`
  );
}

function describe(error: unknown): string {
  // The excerpt starts with what the call concerned (`customer C0…: `); the check's title says it already.
  if (error instanceof ApiError) return (error.excerpt || error.message).replace(/^(customer|group|user) \S+: /, '');
  return error instanceof Error ? error.message : String(error);
}

/**
 * Codes that mean the request got no answer. (The reader's error boundary counts every E-code as a
 * network error, but ENOENT from a federated credential's source file is a setup problem.)
 */
const NETWORK_CODE = /^(ECONN|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|EPIPE|UND_ERR|ABORT_ERR)/;

/** A failed token exchange: unauthorized_client, App Blocked, invalid_grant, … */
export function tokenExchangeProblem(error: unknown, credentials: CredentialsDescription, scopes: readonly string[]): Problem {
  const reason = error instanceof ApiError ? error.reason : undefined;
  const text = describe(error);
  const clientId = clientIdOf(credentials);
  switch (reason) {
    case 'unauthorized_client':
      return { detail: `unauthorized_client: domain-wide delegation is missing, names another client id, or lacks a scope (${text})`, fix: delegationFix(credentials, scopes) };
    case 'admin_policy_enforced':
    case 'access_denied':
      return {
        detail: `${reason} ("App Blocked"): your Workspace's API controls block this app (${text})`,
        fix:
          `${THIRD_PARTY_PAGE} › Add app › OAuth App Name Or Client ID: search for ${clientId}, select it and set its access to Trusted.\n` +
          'Tip: if the search finds nothing, remove the ".apps." part of the id (e.g. search "123-abc" rather than "123-abc.apps.googleusercontent.com").',
      };
    case 'invalid_grant':
      return {
        detail: `invalid_grant: Google refused the signed token request (${text})`,
        fix:
          "check this machine's clock (it must be within a few minutes of real time: turn on time sync), " +
          `that the key in ${credentials.source || 'GOOGLE_APPLICATION_CREDENTIALS'} still exists (Google Cloud console › IAM & Admin › Service accounts › Keys: a deleted or rotated key needs a new key file), ` +
          `and that GOOGLE_ADMIN_SUBJECT${credentials.subject ? ` (${credentials.subject})` : ''} is an existing user`,
      };
    case 'invalid_client':
      return { detail: `invalid_client: Google does not know this service account or key (${text})`, fix: 'the service account or its key was deleted or disabled: create a new key (IAM & Admin › Service accounts › Keys) and point GOOGLE_APPLICATION_CREDENTIALS at it' };
    case 'invalid_scope':
      return { detail: `invalid_scope (${text})`, fix: delegationFix(credentials, scopes) };
  }
  if (error instanceof ApiError && error.status === undefined && NETWORK_CODE.test(error.reason ?? '')) {
    return { detail: `no answer from Google's token endpoint (${text})`, fix: 'check the network and any proxy (HTTPS_PROXY) between this machine and oauth2.googleapis.com' };
  }
  if (error instanceof ApiError && error.status === undefined) {
    const fix =
      credentials.kind === 'none'
        ? "create a service account with domain-wide delegation, then set GOOGLE_APPLICATION_CREDENTIALS to its JSON key file and GOOGLE_ADMIN_SUBJECT to an admin's email"
        : `check the credential file ${credentials.source}${credentials.kind === 'external-account' ? ' (for Workload Identity Federation: its credential_source, audience and service account impersonation)' : ''}`;
    return { detail: `no token: ${text}`, fix };
  }
  return { detail: text, fix: `see the message; the delegation for client id ${clientId} is checked in ${DWD_PAGE}` };
}

export interface ReadContext {
  credentials: CredentialsDescription;
  scopes: readonly string[];
  /** The customer read (`my_customer` = the admin's own directory). */
  customer: string;
}

function staticToken(credentials: CredentialsDescription): boolean {
  return credentials.kind === 'static-token';
}

/** A Directory API read that failed, with a valid token. */
export function readProblem(error: unknown, context: ReadContext): Problem {
  const { credentials, customer } = context;
  const reason = error instanceof ApiError ? error.reason : undefined;
  const status = error instanceof ApiError ? error.status : undefined;
  const text = describe(error);
  const own = customer === 'my_customer';
  const who = staticToken(credentials) ? 'the account GOOGLE_ACCESS_TOKEN was issued to' : `GOOGLE_ADMIN_SUBJECT${credentials.subject ? ` ${credentials.subject}` : ''}`;
  if (reason === 'accessNotConfigured') {
    const project = credentials.projectId ? `?project=${credentials.projectId}` : '';
    return { detail: `403 accessNotConfigured: the Admin SDK API is off in the Google Cloud project`, fix: `enable "Admin SDK API": https://console.cloud.google.com/apis/library/admin.googleapis.com${project}` };
  }
  if (reason === 'domainCannotUseApis') {
    return { detail: `403 domainCannotUseApis: customer ${customer} turned off API access for its reseller`, fix: "the customer's admin must allow reseller administration and API access again (their Admin console › Account › Account settings)" };
  }
  if (reason === 'insufficientPermissions') {
    return {
      detail: `403 insufficientPermissions: the token does not carry the scope this read needs`,
      fix: staticToken(credentials) ? `issue GOOGLE_ACCESS_TOKEN with these scopes: ${context.scopes.join(',')}` : delegationFix(credentials, context.scopes),
    };
  }
  if (status === 403) {
    if (own) return { detail: `403 ${reason ?? 'forbidden'}: ${text}`, fix: `${who} must be a Workspace admin with the Admin API privileges Users › Read and Groups › Read (Admin console › Account › Admin roles)` };
    return {
      detail: `403 ${reason ?? 'forbidden'}: customer ${customer} refused the read: ${text}`,
      fix: `check the customer id in the config (the customer's Admin console › Account › Account settings › Customer ID); as a reseller, that customer must still allow reseller administration, and ${who} must be a reseller admin`,
    };
  }
  if (status === 401) {
    return {
      detail: `401: Google refused the access token (${text})`,
      fix: staticToken(credentials) ? 'GOOGLE_ACCESS_TOKEN has expired or is not a token: issue a fresh one' : 'run doctor again; if it persists, the token exchange is returning unusable tokens: check GOOGLE_API_ROOT',
    };
  }
  if (status === 404 || status === 400) {
    return { detail: `${status} ${reason ?? ''}: ${text}`.replace(/\s+:/, ':'), fix: `check the customer id "${customer}" in the config (a Google customer id looks like C01abc23d; my_customer means your own directory)` };
  }
  if (status === undefined) return { detail: `no answer from Google (${text})`, fix: `check the network, any proxy (HTTPS_PROXY) and GOOGLE_API_ROOT (now ${credentials.apiRoot})` };
  return { detail: `${status}${reason ? ` ${reason}` : ''}: ${text}`, fix: 'try again; if it persists, check https://www.google.com/appsstatus' };
}

/** 403 forbidden on the admin's own directory, with a token Google accepted: not an admin. */
export function isNotAdmin(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && (error.reason === 'forbidden' || error.reason === undefined);
}
