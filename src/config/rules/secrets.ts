/**
 * Secrets never live in halo-sync.yaml: it is committed, reviewed in pull requests and copied into
 * plan comments. This rule runs on the raw document (before the schema check, so a pasted
 * `client_secret:` is reported as a secret, not merely as an unknown key) and never repeats the
 * secret in its message.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { keyPosition, valuePosition, type PositionIndex } from '../positions.js';
import { childPointer } from '../text.js';

const SECRET_KEY = /secret|passw(or)?d|passwd|token|private[_-]?key|api[_-]?key|credential/i;
const ROTATE = 'if it was ever committed, rotate it';

/** What a secret-looking value is, or undefined. */
function secretKind(value: string): string | undefined {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value)) return 'a PEM private key';
  if (/GOCSPX-[A-Za-z0-9_-]{8,}/.test(value)) return 'a Google OAuth client secret';
  if (/"type"\s*:\s*"service_account"|"private_key(_id)?"\s*:/.test(value)) return 'a Google service-account key';
  if (/^\s*Bearer\s+\S{8,}/i.test(value)) return 'a bearer token';
  if (/^ya29\.[A-Za-z0-9._-]{20,}$/.test(value)) return 'a Google access token';
  if (/^eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(value)) return 'a signed token (JWT)';
  return looksLikeOpaqueToken(value) ? 'an access token or key' : undefined;
}

/** Long, mixed-case, digit-bearing and unstructured: the shape of API keys and bearer tokens. */
function looksLikeOpaqueToken(value: string): boolean {
  if (value.length < 32 || !/^[A-Za-z0-9._~+/=-]+$/.test(value)) return false;
  if (value.startsWith('/') || /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/.test(value)) return false; // OU paths, dotted field paths
  return /[0-9]/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value);
}

/** Which environment variable takes the secret instead, by where it was written. */
function environmentHint(pointer: string): string {
  if (pointer.startsWith('/halo')) return 'put Halo credentials in HALO_CLIENT_ID and HALO_CLIENT_SECRET';
  if (pointer.startsWith('/google')) return 'point GOOGLE_APPLICATION_CREDENTIALS at the service-account key file (and set GOOGLE_ADMIN_SUBJECT)';
  return 'use the environment: HALO_CLIENT_ID and HALO_CLIENT_SECRET for Halo, GOOGLE_APPLICATION_CREDENTIALS for Google';
}

export interface SecretScanContext extends PositionIndex {
  file: string;
}

/** Secret-named keys and secret-shaped values anywhere in the document. */
export function secretsInFile(data: unknown, context: SecretScanContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const found = (pointer: string, at: 'key' | 'value', what: string) => {
    const where = at === 'key' ? keyPosition(context, pointer) : valuePosition(context, pointer);
    out.push({ severity: 'error', code: 'secret-in-config', file: context.file, ...where, pointer, message: `${what}: secrets never go in halo-sync.yaml (it is committed and shown in reviews); ${environmentHint(pointer)}, and ${ROTATE}` });
  };
  // Iterative, and each object once: YAML aliases can make the same object appear many times.
  const stack: Array<{ value: unknown; pointer: string }> = [{ value: data, pointer: '' }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { value, pointer } = stack.pop() as { value: unknown; pointer: string };
    if (typeof value === 'string') {
      const kind = secretKind(value);
      if (kind) found(pointer, 'value', `this value looks like ${kind}`);
      continue;
    }
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, pointer: childPointer(pointer, index) }));
      continue;
    }
    if ((value as Record<string, unknown>).type === 'service_account') {
      found(pointer, 'value', 'this looks like a Google service-account key');
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      const at = childPointer(pointer, key);
      if (SECRET_KEY.test(key)) found(at, 'key', `'${key}' looks like a secret`);
      else stack.push({ value: child, pointer: at });
    }
  }
  return out;
}
