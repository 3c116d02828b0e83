/**
 * Which Google credentials the environment provides, described without ever holding a secret in
 * the result (doctor prints it). Order, most explicit first:
 *   1. GOOGLE_ACCESS_TOKEN: a static bearer token (the sandbox, or a token minted elsewhere);
 *   2. GOOGLE_APPLICATION_CREDENTIALS: a JSON credential file: a service-account key (domain-wide
 *      delegation acting as GOOGLE_ADMIN_SUBJECT), an external_account (Workload Identity
 *      Federation), an authorized_user, an impersonated_service_account;
 *   3. Application Default Credentials: gcloud's well-known file, else (on Google Cloud) the
 *      metadata server.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Env = Record<string, string | undefined>;

export type CredentialKind = 'static-token' | 'service-account' | 'external-account' | 'adc' | 'none';

export interface CredentialsDescription {
  kind: CredentialKind;
  /** Where they come from: an environment variable name or a file path. */
  source: string;
  /** The credential file's `type` (service_account, external_account, authorized_user, …). */
  credentialType?: string;
  /** Service account identity: the client id is what Admin console › Domain-wide delegation lists. */
  clientEmail?: string;
  clientId?: string;
  projectId?: string;
  /** The admin user the service account acts as (GOOGLE_ADMIN_SUBJECT). */
  subject?: string;
  /** The Directory API root in use (GOOGLE_API_ROOT or Google's). */
  apiRoot: string;
  /** GOOGLE_OAUTH_TOKEN_URL: token requests are sent there instead of Google (testing/sandbox only). */
  tokenUrl?: string;
  /** Problems that stop authentication; each names the variable to fix. */
  problems: string[];
  warnings: string[];
}

/** The parts of a credential file halo-sync uses (the private key is read by auth.ts only). */
export interface CredentialFile {
  type?: string;
  client_email?: string;
  client_id?: string;
  project_id?: string;
  private_key?: string;
  private_key_id?: string;
}

export const GOOGLE_API_ROOT_DEFAULT = 'https://admin.googleapis.com/';

/** gcloud's Application Default Credentials file (`gcloud auth application-default login`). */
export function wellKnownCredentialsFile(env: Env): string | undefined {
  if (env.CLOUDSDK_CONFIG) return join(env.CLOUDSDK_CONFIG, 'application_default_credentials.json');
  if (env.APPDATA) return join(env.APPDATA, 'gcloud', 'application_default_credentials.json');
  if (env.HOME) return join(env.HOME, '.config', 'gcloud', 'application_default_credentials.json');
  return undefined;
}

export function readCredentialFile(path: string): { file?: CredentialFile; problem?: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { problem: `GOOGLE_APPLICATION_CREDENTIALS: cannot read ${path} (${code})` };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return { file: parsed as CredentialFile };
  } catch {
    return { problem: `GOOGLE_APPLICATION_CREDENTIALS: ${path} is not a JSON credential file` };
  }
}

function httpUrl(name: string, value: string, problems: string[]): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // reported below
  }
  problems.push(`${name} must be an http(s) URL, got "${value}"`);
  return undefined;
}

/** GOOGLE_API_ROOT with the trailing slash googleapis-common needs, else Google's own root. */
export function apiRoot(env: Env, problems: string[] = []): string {
  const raw = env.GOOGLE_API_ROOT?.trim();
  if (!raw) return GOOGLE_API_ROOT_DEFAULT;
  const url = httpUrl('GOOGLE_API_ROOT', raw, problems);
  if (!url) return GOOGLE_API_ROOT_DEFAULT;
  return url.endsWith('/') ? url : `${url}/`;
}

const NO_SUBJECT_TYPES: Record<string, string> = {
  external_account: 'federated (external_account) credentials cannot carry a domain-wide delegation subject',
  authorized_user: 'user credentials act as the signed-in user themselves',
  impersonated_service_account: 'impersonated service-account credentials cannot carry a domain-wide delegation subject',
};

function describeFile(path: string, file: CredentialFile, subject: string | undefined, out: CredentialsDescription): void {
  out.credentialType = file.type;
  if (file.client_email) out.clientEmail = file.client_email;
  if (file.client_id) out.clientId = file.client_id;
  if (file.project_id) out.projectId = file.project_id;
  if (file.type === 'service_account') {
    out.kind = 'service-account';
    if (!file.client_email || !file.private_key) {
      out.problems.push(`GOOGLE_APPLICATION_CREDENTIALS: ${path} lacks client_email or private_key`);
    }
    if (subject) out.subject = subject;
    else {
      out.problems.push(
        'GOOGLE_ADMIN_SUBJECT is not set: a service account with domain-wide delegation must act as an admin user (e.g. GOOGLE_ADMIN_SUBJECT=admin@example.com)',
      );
    }
    return;
  }
  const reason = file.type ? NO_SUBJECT_TYPES[file.type] : undefined;
  if (file.type === 'external_account') out.kind = 'external-account';
  else if (reason) out.kind = 'adc';
  else {
    out.kind = 'none';
    out.problems.push(`GOOGLE_APPLICATION_CREDENTIALS: ${path} has unsupported credential type "${file.type ?? '(none)'}"`);
    return;
  }
  if (subject && reason) {
    out.warnings.push(
      `GOOGLE_ADMIN_SUBJECT is ignored: ${reason}. Give the identity an admin role in the Admin console (delegated admin service account), or use a service-account key`,
    );
  }
}

export function describeCredentials(env: Env): CredentialsDescription {
  const problems: string[] = [];
  const out: CredentialsDescription = { kind: 'none', source: '', apiRoot: apiRoot(env, problems), problems, warnings: [] };
  const tokenUrl = env.GOOGLE_OAUTH_TOKEN_URL?.trim();
  if (tokenUrl) {
    const url = httpUrl('GOOGLE_OAUTH_TOKEN_URL', tokenUrl, problems);
    if (url) out.tokenUrl = url;
  }
  const subject = env.GOOGLE_ADMIN_SUBJECT?.trim() || undefined;
  const keyPath = env.GOOGLE_APPLICATION_CREDENTIALS?.trim() || undefined;
  if (env.GOOGLE_ACCESS_TOKEN) {
    out.kind = 'static-token';
    out.source = 'GOOGLE_ACCESS_TOKEN';
    if (keyPath) out.warnings.push('GOOGLE_ACCESS_TOKEN is set, so GOOGLE_APPLICATION_CREDENTIALS is not used');
    return out;
  }
  if (keyPath) {
    out.source = keyPath;
    const { file, problem } = readCredentialFile(keyPath);
    if (problem || !file) problems.push(problem ?? `GOOGLE_APPLICATION_CREDENTIALS: cannot read ${keyPath}`);
    else describeFile(keyPath, file, subject, out);
    return out;
  }
  const wellKnown = wellKnownCredentialsFile(env);
  if (wellKnown && existsSync(wellKnown)) {
    out.source = wellKnown;
    const { file } = readCredentialFile(wellKnown);
    out.kind = 'adc';
    if (file?.type) out.credentialType = file.type;
    const reason = file?.type ? NO_SUBJECT_TYPES[file.type] : undefined;
    if (subject && reason) out.warnings.push(`GOOGLE_ADMIN_SUBJECT is ignored: ${reason}`);
    if (subject && file?.type === 'service_account') out.subject = subject;
    return out;
  }
  out.source = 'metadata server (only on Google Cloud)';
  out.warnings.push(
    'no Google credentials configured: set GOOGLE_APPLICATION_CREDENTIALS (a service-account key) and GOOGLE_ADMIN_SUBJECT, or GOOGLE_ACCESS_TOKEN; only Google Cloud\'s metadata server is left to try',
  );
  return out;
}
