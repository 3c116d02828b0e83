/**
 * Bearer-token checks for the Directory routes. Two kinds of token are valid: the static sandbox
 * token (`GOOGLE_ACCESS_TOKEN`), which carries every scope, and tokens minted by the sandbox's own
 * `POST /token`, which carry the scopes and subject they were minted for until they expire.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { fail } from './errors.js';

const SCOPE = 'https://www.googleapis.com/auth/';

/** Scopes that allow each read (any one of them), per Google's discovery document. */
export const READ_SCOPES = {
  users: ['admin.directory.user.readonly', 'admin.directory.user', 'cloud-platform'].map((s) => SCOPE + s),
  groups: ['admin.directory.group.readonly', 'admin.directory.group'].map((s) => SCOPE + s),
  members: [
    'admin.directory.group.member.readonly',
    'admin.directory.group.member',
    'admin.directory.group.readonly',
    'admin.directory.group',
  ].map((s) => SCOPE + s),
  customers: ['admin.directory.customer.readonly', 'admin.directory.customer'].map((s) => SCOPE + s),
} as const;
export type ReadKind = keyof typeof READ_SCOPES;

/** What a refresh-token grant is given when it asks for no particular scopes: every read scope. */
export const DEFAULT_GRANTED_SCOPES: readonly string[] = [
  'admin.directory.user.readonly',
  'admin.directory.group.readonly',
  'admin.directory.group.member.readonly',
  'admin.directory.customer.readonly',
].map((s) => SCOPE + s);

export interface Grant {
  scopes: ReadonlySet<string> | 'all';
  subject?: string;
  expiresAt: number;
}

export class TokenStore {
  private readonly minted = new Map<string, Grant>();
  /** Every token ever minted, expired ones included (for tests that scan output for leaks). */
  private readonly everMinted: string[] = [];

  constructor(
    private readonly staticToken: string,
    private readonly clock: () => number,
  ) {}

  mint(scopes: readonly string[], subject: string | undefined, lifetimeSeconds: number): string {
    const token = `ya29.sandbox-${randomBytes(24).toString('base64url')}`;
    this.minted.set(token, { scopes: new Set(scopes), subject, expiresAt: this.clock() + lifetimeSeconds * 1000 });
    this.everMinted.push(token);
    return token;
  }

  issued(): string[] {
    return [...this.everMinted];
  }

  /** The grant behind a token, or undefined when unknown or expired. */
  lookup(token: string): Grant | undefined {
    if (this.staticToken !== '' && token === this.staticToken) return { scopes: 'all', expiresAt: Number.POSITIVE_INFINITY };
    const grant = this.minted.get(token);
    if (!grant) return undefined;
    if (grant.expiresAt <= this.clock()) {
      this.minted.delete(token);
      return undefined;
    }
    return grant;
  }
}

/** 401 without a valid bearer token; 403 insufficientPermissions when the token lacks the read's scope. */
export function authorize(req: IncomingMessage, tokens: TokenStore, kind: ReadKind, method: string): Grant {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const grant = match?.[1] ? tokens.lookup(match[1]) : undefined;
  if (!grant) throw fail.invalidCredentials();
  if (grant.scopes !== 'all') {
    const scopes = grant.scopes;
    if (!READ_SCOPES[kind].some((s) => scopes.has(s))) throw fail.insufficientScopes(method);
  }
  return grant;
}
