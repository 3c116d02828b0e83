/**
 * Google, who we are: which credentials the environment provides (and, for a service account,
 * the client id an admin pastes into the domain-wide delegation page), the token exchange with
 * its OAuth error mapped to a fix, and the admin subject (set, and an admin: a 403 forbidden on
 * the admin's own users read with a token Google issued means it is not one).
 * With a static token (the sandbox) there is no kind, subject or exchange to check: skipped.
 */
import type { CredentialsDescription } from '../google/index.js';
import { isNotAdmin, readProblem, tokenExchangeProblem } from './google-fixes.js';
import type { GoogleProbe } from './google-probe.js';
import { check, skipped, type DoctorCheck } from './types.js';

const CREDENTIALS_TITLE = 'Google credentials';
const SUBJECT_TITLE = 'Google admin subject';
export const TOKEN_TITLE = 'Google token exchange';
export const STATIC_SKIP = 'static token from GOOGLE_ACCESS_TOKEN (sandbox): nothing to check';

const SUBJECT_PROBLEM = /^GOOGLE_ADMIN_SUBJECT\b/;

/** Credential problems minus the missing subject, which the subject check reports. */
export function credentialProblems(credentials: CredentialsDescription): string[] {
  return credentials.problems.filter((p) => !SUBJECT_PROBLEM.test(p));
}

export function checkCredentials(credentials: CredentialsDescription): DoctorCheck {
  const id = 'google.credentials';
  const problems = credentialProblems(credentials);
  if (problems.length === 0 && credentials.kind === 'static-token') return skipped(id, CREDENTIALS_TITLE, STATIC_SKIP);
  if (problems.length > 0) {
    return check(id, CREDENTIALS_TITLE, 'fail', problems.join('; '), {
      fix: 'set GOOGLE_APPLICATION_CREDENTIALS to the service account\'s JSON key file (Google Cloud console › IAM & Admin › Service accounts › Keys) and GOOGLE_ADMIN_SUBJECT to an admin\'s email',
    });
  }
  const warnings = credentials.warnings;
  if (credentials.kind === 'none') {
    // Only Google Cloud's metadata server is left: the token exchange below says whether it works.
    return check(id, CREDENTIALS_TITLE, 'warn', 'none configured (no GOOGLE_APPLICATION_CREDENTIALS, GOOGLE_ACCESS_TOKEN or gcloud credentials); only the Google Cloud metadata server is left', {
      fix: "create a service account with domain-wide delegation, then set GOOGLE_APPLICATION_CREDENTIALS to its JSON key file and GOOGLE_ADMIN_SUBJECT to an admin's email",
    });
  }
  if (credentials.kind === 'service-account') {
    const project = credentials.projectId ? `, project ${credentials.projectId}` : '';
    const detail = `service account ${credentials.clientEmail ?? '(no client_email)'} (client id ${credentials.clientId ?? '(none in the key file)'}${project}) from ${credentials.source}`;
    return check(id, CREDENTIALS_TITLE, warnings.length ? 'warn' : 'ok', detail, { items: warnings });
  }
  const kind = credentials.kind === 'external-account' ? 'external account (Workload Identity Federation)' : `application default credentials${credentials.credentialType ? ` (${credentials.credentialType})` : ''}`;
  return check(id, CREDENTIALS_TITLE, warnings.length ? 'warn' : 'ok', `${kind} from ${credentials.source}: no domain-wide delegation subject, so the identity itself must hold a Workspace admin role`, {
    items: warnings,
  });
}

export interface ExchangeOutcome {
  check: DoctorCheck;
  ok: boolean;
}

export async function checkTokenExchange(probe: GoogleProbe): Promise<ExchangeOutcome> {
  const { credentials, scopes } = probe;
  const id = 'google.token';
  if (credentials.kind === 'static-token') return { ok: true, check: skipped(id, TOKEN_TITLE, STATIC_SKIP) };
  try {
    await probe.exchange();
    const as = credentials.subject ? `, acting as ${credentials.subject}` : '';
    return { ok: true, check: check(id, TOKEN_TITLE, 'ok', `token issued for ${scopes.length} read-only scopes${as}`) };
  } catch (error) {
    const problem = tokenExchangeProblem(error, credentials, scopes);
    return { ok: false, check: check(id, TOKEN_TITLE, 'fail', problem.detail, { fix: problem.fix }) };
  }
}

export interface SubjectOutcome {
  check: DoctorCheck;
  /** False when the subject is known not to be an admin (later reads would only repeat it). */
  admin: boolean;
}

/**
 * `exchanged`: whether the token exchange worked (without a token, admin rights cannot be seen).
 * For a service account the subject must be set; for every kind, reading the admin's own
 * directory shows whether the identity is an admin.
 */
export async function checkSubject(probe: GoogleProbe | undefined, credentials: CredentialsDescription, exchanged: boolean): Promise<SubjectOutcome> {
  const id = 'google.subject';
  if (credentials.kind === 'static-token') return { admin: true, check: skipped(id, SUBJECT_TITLE, STATIC_SKIP) };
  const serviceAccount = credentials.kind === 'service-account';
  if (serviceAccount && !credentials.subject) {
    return {
      admin: true,
      check: check(id, SUBJECT_TITLE, 'fail', 'GOOGLE_ADMIN_SUBJECT is not set', {
        fix: 'set GOOGLE_ADMIN_SUBJECT to the email of a Workspace admin the service account acts as (domain-wide delegation needs one)',
      }),
    };
  }
  const who = serviceAccount ? `GOOGLE_ADMIN_SUBJECT ${credentials.subject}` : 'the credentials\' identity';
  if (!probe || !exchanged) {
    return { admin: true, check: skipped(id, SUBJECT_TITLE, `${serviceAccount ? `${who} is set; ` : ''}admin rights not checked: no Google token (see above)`) };
  }
  try {
    await probe.listUsers('my_customer');
    return { admin: true, check: check(id, SUBJECT_TITLE, 'ok', `${who} can read the users of its own directory`) };
  } catch (error) {
    if (isNotAdmin(error)) {
      return {
        admin: false,
        check: check(id, SUBJECT_TITLE, 'fail', `${who} is not an admin (or lacks the Users read privilege): Google answered 403 forbidden`, {
          fix: `make ${serviceAccount ? credentials.subject : 'it'} a super admin, or give it an admin role with the Admin API privileges Users › Read and Groups › Read (Admin console › Account › Admin roles)${serviceAccount ? '; or set GOOGLE_ADMIN_SUBJECT to another admin' : ''}`,
        }),
      };
    }
    const problem = readProblem(error, { credentials, scopes: probe.scopes, customer: 'my_customer' });
    return { admin: true, check: check(id, SUBJECT_TITLE, 'fail', problem.detail, { fix: problem.fix }) };
  }
}
