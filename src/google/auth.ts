/**
 * Google authentication for the Directory client, from the environment (see credentials.ts for the
 * order). Only read-only scopes are ever requested (scopes.ts).
 *
 * GOOGLE_OAUTH_TOKEN_URL is a testing/sandbox override: google-auth-library hard-codes
 * `https://oauth2.googleapis.com/token` for the delegated JWT exchange (gtoken) and the refresh
 * flow, so the override is applied through the library's own extension point: a Gaxios
 * transporter, passed in the client options, whose request interceptor re-targets token requests.
 * Directory API requests made through the same transporter are left alone.
 */
import { GoogleAuth, JWT, OAuth2Client, gaxios } from 'google-auth-library';
import { HaloSyncError } from '../diagnostics/errors.js';
import { describeCredentials, readCredentialFile, type CredentialsDescription, type Env } from './credentials.js';
import { DIRECTORY_SCOPES } from './scopes.js';

/** Credentials that cannot work as configured; every problem names the variable to fix. */
export class GoogleCredentialsError extends HaloSyncError {
  constructor(readonly problems: string[]) {
    super(`Google credentials: ${problems.join('; ')}`);
  }
}

export type DirectoryAuth = OAuth2Client | JWT | GoogleAuth;

export interface GoogleAuthSetup {
  auth: DirectoryAuth;
  credentials: CredentialsDescription;
  scopes: string[];
}

/** Google's token endpoints (current and legacy) that GOOGLE_OAUTH_TOKEN_URL replaces. */
const GOOGLE_TOKEN_ENDPOINTS = new Set([
  'https://oauth2.googleapis.com/token',
  'https://www.googleapis.com/oauth2/v4/token',
  'https://accounts.google.com/o/oauth2/token',
]);

/** A Gaxios transporter that sends Google token requests to `tokenUrl` instead. */
export function tokenUrlTransporter(tokenUrl: string): gaxios.Gaxios {
  const transporter = new gaxios.Gaxios();
  const target = new URL(tokenUrl);
  transporter.interceptors.request.add({
    resolved: async (config) => {
      const url = new URL(String(config.url));
      if (GOOGLE_TOKEN_ENDPOINTS.has(`${url.origin}${url.pathname}`)) config.url = new URL(target.href);
      return config;
    },
  });
  return transporter;
}

function transporterOption(credentials: CredentialsDescription): { transporter?: gaxios.Gaxios } {
  return credentials.tokenUrl ? { transporter: tokenUrlTransporter(credentials.tokenUrl) } : {};
}

/**
 * Builds the auth client the environment asks for. Throws GoogleCredentialsError listing every
 * problem at once (a missing GOOGLE_ADMIN_SUBJECT, an unreadable key file, a bad URL).
 */
export function createGoogleAuth(env: Env, options: { scopes?: readonly string[] } = {}): GoogleAuthSetup {
  const scopes = [...(options.scopes ?? DIRECTORY_SCOPES)];
  const credentials = describeCredentials(env);
  if (credentials.problems.length > 0) throw new GoogleCredentialsError(credentials.problems);

  if (credentials.kind === 'static-token') {
    const auth = new OAuth2Client();
    // No expiry_date: the library sends the token as is and never tries to refresh it.
    auth.setCredentials({ access_token: env.GOOGLE_ACCESS_TOKEN });
    return { auth, credentials, scopes };
  }

  if (credentials.kind === 'service-account') {
    const { file } = readCredentialFile(credentials.source);
    const auth = new JWT({
      email: file?.client_email,
      key: file?.private_key,
      keyId: file?.private_key_id,
      scopes,
      subject: credentials.subject,
      ...transporterOption(credentials),
    });
    return { auth, credentials, scopes };
  }

  // ADC, external accounts (Workload Identity Federation), user and impersonated credentials: the
  // library knows them all. Only a service-account file can carry the subject; for the others
  // describeCredentials has already warned that GOOGLE_ADMIN_SUBJECT is ignored.
  const auth = new GoogleAuth({
    scopes,
    ...(env.GOOGLE_APPLICATION_CREDENTIALS?.trim() ? { keyFilename: env.GOOGLE_APPLICATION_CREDENTIALS.trim() } : {}),
    clientOptions: { ...transporterOption(credentials), ...(credentials.subject ? { subject: credentials.subject } : {}) },
  });
  return { auth, credentials, scopes };
}
