/**
 * Masking, before anything else runs: every secret the step can see is registered with the runner
 * (core.setSecret → `::add-mask::`), so no later log line, annotation or summary can show it.
 * The private key inside a service-account key file is masked whole and line by line (the runner
 * matches masks within single lines).
 */
import { existsSync, readFileSync } from 'node:fs';

type Env = Record<string, string | undefined>;

const SECRET_VARIABLES = ['HALO_CLIENT_SECRET', 'GOOGLE_ACCESS_TOKEN', 'INPUT_GITHUB-TOKEN', 'GITHUB_TOKEN'];
/** Shorter values are not masked: they would blank out ordinary words in every log line. */
const MIN_LENGTH = 6;

function keyValues(json: string): string[] {
  try {
    const key = JSON.parse(json) as { private_key?: unknown; client_secret?: unknown; refresh_token?: unknown };
    const values: string[] = [];
    for (const v of [key.private_key, key.client_secret, key.refresh_token]) {
      if (typeof v !== 'string') continue;
      values.push(v);
      // PEM body lines (not the BEGIN/END lines, which are the same in every key).
      for (const line of v.split(/\r?\n/)) if (!line.startsWith('-----')) values.push(line.trim());
    }
    return values;
  } catch {
    return [];
  }
}

/** Every secret value in the environment and in the credentials file it points to. */
export function findSecrets(env: Env): string[] {
  const found: string[] = [];
  for (const name of SECRET_VARIABLES) {
    const value = env[name];
    if (value) found.push(value);
  }
  const credentials = env.GOOGLE_APPLICATION_CREDENTIALS?.trim();
  if (credentials) {
    if (credentials.startsWith('{')) {
      // Key JSON pasted into the variable instead of a path: mask all of it.
      found.push(credentials, ...keyValues(credentials));
    } else if (existsSync(credentials)) {
      try {
        found.push(...keyValues(readFileSync(credentials, 'utf8')));
      } catch {
        // Unreadable: the Google client reports it when (and if) it is used.
      }
    }
  }
  return [...new Set(found.filter((v) => v.length >= MIN_LENGTH))];
}
