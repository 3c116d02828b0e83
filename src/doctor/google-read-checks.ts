/**
 * Google, what we can read: the customer ids resolve (customers.get, which needs the extra
 * customer scope: refused → a warning, since plan does not need it), one users read and one
 * groups read per customer the config names, and every group named by roles, cabs or memberOf
 * exists (members.list, one member: the call the reader makes).
 */
import { filterClauses } from '../config/rules/filter-walk.js';
import type { LoadedConfig } from '../config/types.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { ApiError } from '../diagnostics/errors.js';
import { CUSTOMER_READ_SCOPE, type CredentialsDescription } from '../google/index.js';
import { diagnosticAt } from '../plan/references.js';
import { DWD_PAGE, readProblem } from './google-fixes.js';
import type { GoogleProbe } from './google-probe.js';
import { check, type DoctorCheck } from './types.js';

export const LOOKUP_TITLE = 'Google customer ids (customers.get)';
export const GROUPS_TITLE = 'Google groups named in the config exist';
const usersId = (customer: string) => `google.users:${customer}`;
const usersTitle = (customer: string) => `Google users read (customer ${customer})`;
const groupsId = (customer: string) => `google.groups:${customer}`;
const groupsTitle = (customer: string) => `Google groups read (customer ${customer})`;

const SCOPE_REFUSED = new Set(['unauthorized_client', 'invalid_scope', 'access_denied', 'insufficientPermissions']);

export interface LookupOutcome {
  check: DoctorCheck;
  /** Customer (as the config names it) → its primary domain, where customers.get answered. */
  domains: Map<string, string>;
}

function scopeWarning(credentials: CredentialsDescription, why: string): DoctorCheck {
  const grant = credentials.kind === 'service-account' ? `add ${CUSTOMER_READ_SCOPE} to client id ${credentials.clientId ?? '(see above)'}'s scopes in ${DWD_PAGE}` : `grant ${CUSTOMER_READ_SCOPE}`;
  return check('google.customers', LOOKUP_TITLE, 'warn', `not looked up: ${why} (plan does not need this scope; the reads below still check each customer)`, {
    fix: `to let doctor resolve customer ids, ${grant}`,
  });
}

/** `probe` must ask for directoryScopes({ checkCustomers: true }); it is undefined if it could not be built. */
export async function checkCustomerLookup(customers: readonly string[], probe: GoogleProbe): Promise<LookupOutcome> {
  const domains = new Map<string, string>();
  const { credentials } = probe;
  if (credentials.kind !== 'static-token') {
    try {
      await probe.exchange();
    } catch (error) {
      const reason = error instanceof ApiError ? error.reason : undefined;
      const why = reason && SCOPE_REFUSED.has(reason) ? `the token exchange with ${CUSTOMER_READ_SCOPE} was refused (${reason})` : `the token exchange with the customer scope failed (${error instanceof Error ? error.message : String(error)})`;
      return { domains, check: scopeWarning(credentials, why) };
    }
  }
  const found: string[] = [];
  const failed: string[] = [];
  const answers = await Promise.all(customers.map((customer) => probe.getCustomer(customer).then((answer) => ({ answer }), (error: unknown) => ({ error }))));
  for (const [i, outcome] of answers.entries()) {
    const customer = customers[i] as string;
    if ('answer' in outcome) {
      const { answer } = outcome;
      if (answer.domain) domains.set(customer, answer.domain);
      found.push(`${customer}${answer.id && answer.id !== customer ? ` = ${answer.id}` : ''}${answer.domain ? ` (${answer.domain})` : ''}`);
    } else if (outcome.error instanceof ApiError && outcome.error.reason === 'insufficientPermissions') {
      return { domains, check: scopeWarning(credentials, `the token lacks ${CUSTOMER_READ_SCOPE}`) };
    } else {
      failed.push(`${customer}: ${readProblem(outcome.error, { credentials, scopes: probe.scopes, customer }).detail}`);
    }
  }
  if (failed.length > 0) {
    return {
      domains,
      check: check('google.customers', LOOKUP_TITLE, 'warn', `${failed.length} of ${customers.length} not found${found.length ? `; found ${found.join(', ')}` : ''}`, {
        items: failed,
        fix: 'check these customer ids in the config (see the users reads below)',
      }),
    };
  }
  return { domains, check: check('google.customers', LOOKUP_TITLE, 'ok', found.join(', ')) };
}

/** One users read and one groups read for each customer. */
export async function checkCustomerReads(customers: readonly string[], probe: GoogleProbe, domains: Map<string, string>): Promise<DoctorCheck[]> {
  const context = (customer: string) => ({ credentials: probe.credentials, scopes: probe.scopes, customer });
  const one = async (id: string, title: string, customer: string, read: () => Promise<void>): Promise<DoctorCheck> => {
    try {
      await read();
      const domain = domains.get(customer);
      return check(id, title, 'ok', `allowed${domain ? ` (${domain})` : ''}`);
    } catch (error) {
      const problem = readProblem(error, context(customer));
      return check(id, title, 'fail', problem.detail, { fix: problem.fix });
    }
  };
  const perCustomer = await Promise.all(
    customers.map((customer) =>
      Promise.all([
        one(usersId(customer), usersTitle(customer), customer, () => probe.listUsers(customer)),
        one(groupsId(customer), groupsTitle(customer), customer, () => probe.listGroups(customer)),
      ]),
    ),
  );
  return perCustomer.flat();
}

interface GroupRef {
  email: string;
  pointer: string;
}

/** Every group the config names, with where: roles, cabs, then memberOf filters. */
function groupReferences(loaded: LoadedConfig): GroupRef[] {
  const { config } = loaded;
  const refs: GroupRef[] = [
    ...config.roles.map((r, i) => ({ email: r.group, pointer: `/roles/${i}/group` })),
    ...config.cabs.map((c, i) => ({ email: c.group, pointer: `/cabs/${i}/group` })),
  ];
  for (const { clause, pointer } of filterClauses(loaded)) {
    if (clause.op === 'memberOf') refs.push({ email: String(clause.value), pointer: `${pointer}/value` });
  }
  return refs;
}

export async function checkGroupsExist(loaded: LoadedConfig, probe: GoogleProbe): Promise<DoctorCheck> {
  const refs = groupReferences(loaded);
  const unique = [...new Set(refs.map((r) => r.email.toLowerCase()))];
  if (unique.length === 0) return check('google.groups-exist', GROUPS_TITLE, 'ok', 'none named');
  const problems = new Map<string, string>();
  // A few at a time: a config may name dozens of groups; Google limits concurrent requests.
  for (let i = 0; i < unique.length; i += 5) {
    await Promise.all(
      unique.slice(i, i + 5).map(async (email) => {
        try {
          await probe.listMembers(email);
        } catch (error) {
          const status = error instanceof ApiError ? error.status : undefined;
          if (status === 404) problems.set(email, `group ${email} does not exist in Google (or is an alias of a deleted group)`);
          else if (status === 403 && !(error instanceof ApiError && error.reason === 'insufficientPermissions')) problems.set(email, `group ${email} cannot be read (403): it belongs to a directory the admin cannot read`);
          else problems.set(email, `group ${email}: ${readProblem(error, { credentials: probe.credentials, scopes: probe.scopes, customer: 'my_customer' }).detail}`);
        }
      }),
    );
  }
  if (problems.size === 0) return check('google.groups-exist', GROUPS_TITLE, 'ok', `all ${unique.length} found`);
  const items = refs
    .filter((r) => problems.has(r.email.toLowerCase()))
    .map((r) => formatDiagnostic(diagnosticAt(loaded, r.pointer, 'error', 'unknown-group', problems.get(r.email.toLowerCase()) as string)));
  return check('google.groups-exist', GROUPS_TITLE, 'fail', `${problems.size} of ${unique.length} not found or unreadable`, {
    items,
    fix: `correct the group emails in ${loaded.file} (a group's primary email or an alias), or create the groups in Google`,
  });
}
