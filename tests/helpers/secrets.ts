/**
 * The secrets scanner every command-running test uses (the e2e harness `run()`, the doctor and
 * validate helpers call it; see README "Safety and guarantees"). It looks through everything a
 * command printed and every file it wrote for:
 *   - known secret values: the Halo client secret, the Google static token, every access token the
 *     sandbox issued (Halo and Google), and each line of a service-account private key's PEM body;
 *   - secret shapes, whatever their value: a PEM private-key header, an `Authorization:` header, a
 *     `Bearer <token>` that was not redacted, `"access_token": "…"` / `client_secret=…` with a value.
 * A finding throws, naming where it was found with a redacted excerpt (the test fails loudly, and
 * the failure message itself does not repeat the secret).
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** The Halo client secret the shared harnesses give their sandboxes: long and distinctive, so a leak cannot hide. */
export const HARNESS_HALO_SECRET = 'hs-test-client-secret-Q7f2Kx9Lm4Pw8Zr3';

/** Values shorter than this are not scanned for (the public sandbox default `sandbox` is an ordinary word). */
const MIN_SECRET_LENGTH = 8;

const SHAPES: Array<{ name: string; pattern: RegExp }> = [
  { name: 'a PEM private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { name: 'an Authorization header', pattern: /\bauthorization\s*:\s*(bearer|basic)\b/i },
  { name: 'an unredacted bearer token', pattern: /\bBearer\s+(?!\[redacted\])[A-Za-z0-9._~+/=-]{8,}/ },
  { name: 'an unredacted JSON credential', pattern: /"(access_token|refresh_token|id_token|client_secret|private_key)"\s*:\s*"(?!\[redacted\])[^"]{4,}"/i },
  { name: 'an unredacted form credential', pattern: /\b(access_token|refresh_token|client_secret|assertion)=(?!\[redacted\])[^&\s"']{4,}/i },
];

export interface SecretLeak {
  where: string;
  what: string;
  excerpt: string;
}

/** Secret values named by the environment a command ran with (incl. the private key in a credentials file). */
export function secretsFromEnv(env: Record<string, string | undefined>): string[] {
  const found = [env.HALO_CLIENT_SECRET, env.GOOGLE_ACCESS_TOKEN].filter((v): v is string => !!v);
  const keyFile = env.GOOGLE_APPLICATION_CREDENTIALS?.trim();
  if (keyFile) {
    try {
      const key = JSON.parse(readFileSync(keyFile, 'utf8')) as { private_key?: unknown; client_secret?: unknown; refresh_token?: unknown };
      if (typeof key.private_key === 'string') found.push(...pemBodyLines(key.private_key));
      for (const v of [key.client_secret, key.refresh_token]) if (typeof v === 'string') found.push(v);
    } catch {
      // Not readable or not JSON: nothing to look for (the command reports that itself).
    }
  }
  return found;
}

/** The base64 lines of a PEM's body: any one of them in output means the key leaked. */
export function pemBodyLines(pem: string): string[] {
  return pem
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length >= 16 && !l.startsWith('-----'));
}

/** Every access token a sandbox server issued (`GET /_sandbox/tokens`, Halo and Google alike). */
export async function issuedTokens(...serverUrls: string[]): Promise<string[]> {
  const lists = await Promise.all(
    serverUrls.map(async (url) => {
      const res = await fetch(`${url}/_sandbox/tokens`);
      if (res.status !== 200) throw new Error(`GET ${url}/_sandbox/tokens answered ${res.status}`);
      return ((await res.json()) as { tokens: string[] }).tokens;
    }),
  );
  return lists.flat();
}

function excerpt(text: string, at: number, length: number): string {
  const before = text.slice(Math.max(0, at - 40), at);
  const after = text.slice(at + length, at + length + 40);
  return `…${before}[SECRET]${after}…`.replace(/\s+/g, ' ');
}

/** Every leak in `outputs` (label → text). Pure; `expectNoSecrets` is the throwing form. */
export function findSecrets(outputs: Record<string, string>, secrets: ReadonlyArray<string | undefined>): SecretLeak[] {
  const values = [...new Set(secrets.filter((s): s is string => !!s && s.length >= MIN_SECRET_LENGTH))];
  const leaks: SecretLeak[] = [];
  for (const [where, text] of Object.entries(outputs)) {
    values.forEach((value, i) => {
      const at = text.indexOf(value);
      if (at >= 0) leaks.push({ where, what: `secret value #${i + 1} (${value.length} chars)`, excerpt: excerpt(text, at, value.length) });
    });
    for (const { name, pattern } of SHAPES) {
      const match = pattern.exec(text);
      if (match) leaks.push({ where, what: name, excerpt: excerpt(text, match.index, match[0].length) });
    }
  }
  return leaks;
}

/** Set to a file path to count the scans of a test run (one line per scan: how many texts it read). */
const SCAN_LOG = process.env.HALO_SYNC_TEST_SCAN_LOG;

export function expectNoSecrets(outputs: Record<string, string>, secrets: ReadonlyArray<string | undefined>): void {
  if (SCAN_LOG) appendFileSync(SCAN_LOG, `${Object.keys(outputs).length}\n`);
  const leaks = findSecrets(outputs, secrets);
  if (leaks.length === 0) return;
  throw new Error(`secret leak:\n${leaks.map((l) => `  ${l.what} in ${l.where}: ${l.excerpt}`).join('\n')}`);
}

/** Files under `dir` (recursively) with their modification times, to tell which ones a command wrote. */
export async function fileTimes(dir: string): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true }).catch(() => [])) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) times.set(path, (await stat(path)).mtimeMs);
    }
  };
  await walk(dir);
  return times;
}

/** The text of every file under `dir` that is new or changed since `before` (label: path relative to dir). */
export async function writtenFiles(dir: string, before: Map<string, number>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [path, mtime] of await fileTimes(dir)) {
    if (before.get(path) === mtime) continue;
    out[`file ${relative(dir, path)}`] = await readFile(path, 'utf8');
  }
  return out;
}
