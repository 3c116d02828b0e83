/**
 * The embedded sandbox: the Google Directory server and the Halo API server started together from
 * one seed, plus the environment that points halo-sync's real clients at them. `halo-sync sandbox`,
 * `halo-sync demo` and the end-to-end tests all start it through here.
 */
import { startGoogleSandbox } from './google/index.js';
import { DEFAULT_HALO_CLIENT_ID, DEFAULT_HALO_CLIENT_SECRET, startHaloSandbox, type HaloSandbox } from './halo/index.js';
import type { SandboxSeed } from './seed-types.js';
import type { RunningServer } from './server-types.js';

/** The static bearer token the sandbox's Google server accepts: fixed, and obviously not a real one. */
export const SANDBOX_GOOGLE_ACCESS_TOKEN = 'sandbox-google-access-token-not-a-secret';

/** The variables `halo-sync sandbox` prints, in this order. */
export const SANDBOX_ENV_NAMES = ['HALO_URL', 'HALO_CLIENT_ID', 'HALO_CLIENT_SECRET', 'GOOGLE_API_ROOT', 'GOOGLE_ACCESS_TOKEN'] as const;

export interface SandboxOptions {
  seed: SandboxSeed;
  /** 0 or absent: a free port. */
  haloPort?: number;
  googlePort?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Milliseconds since the epoch, for both servers (token expiry, rate-limit windows). */
  clock?: () => number;
}

export interface Sandbox {
  halo: HaloSandbox;
  google: RunningServer;
  /** Exactly HALO_URL (base URL, no /api), HALO_CLIENT_ID, HALO_CLIENT_SECRET, GOOGLE_API_ROOT, GOOGLE_ACCESS_TOKEN. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const { seed, host } = options;
  const halo = await startHaloSandbox({
    ...(seed.halo ? { halo: seed.halo } : {}),
    ...(seed.faults ? { faults: seed.faults } : {}),
    ...(seed.simulate ? { simulate: seed.simulate } : {}),
    ...(options.haloPort === undefined ? {} : { port: options.haloPort }),
    ...(host === undefined ? {} : { host }),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  let google: RunningServer;
  try {
    google = await startGoogleSandbox({
      customers: seed.google?.customers ?? {},
      accessToken: SANDBOX_GOOGLE_ACCESS_TOKEN,
      ...(seed.faults ? { faults: seed.faults } : {}),
      ...(seed.simulate ? { simulate: seed.simulate } : {}),
      ...(options.googlePort === undefined ? {} : { port: options.googlePort }),
      ...(host === undefined ? {} : { host }),
      ...(options.clock ? { clock: options.clock } : {}),
    });
  } catch (error) {
    await halo.close(); // never leave half a sandbox listening
    throw error;
  }
  const env: Record<string, string> = {
    HALO_URL: halo.url,
    HALO_CLIENT_ID: seed.halo?.clientId ?? DEFAULT_HALO_CLIENT_ID,
    HALO_CLIENT_SECRET: seed.halo?.clientSecret ?? DEFAULT_HALO_CLIENT_SECRET,
    GOOGLE_API_ROOT: google.url,
    GOOGLE_ACCESS_TOKEN: SANDBOX_GOOGLE_ACCESS_TOKEN,
  };
  let closing: Promise<void> | undefined;
  return {
    halo,
    google,
    env,
    close: () => (closing ??= Promise.all([halo.close(), google.close()]).then(() => undefined)),
  };
}

/** `export NAME=value` lines, one per variable, values shell-quoted when they need it. */
export function formatEnvExports(env: Record<string, string>): string {
  return Object.entries(env)
    .map(([name, value]) => `export ${name}=${shellQuote(value)}\n`)
    .join('');
}

/**
 * The inverse of formatEnvExports: `export NAME=value` lines (bare or single-quoted values, with
 * `'\''` for an embedded quote) back into variables. Anything else is refused, so a changed output
 * format fails loudly instead of losing a variable.
 */
export function parseEnvExports(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n').filter((l) => l !== '')) {
    const match = /^export ([A-Z_]+)=(?:'((?:[^']|'\\'')*)'|([^\s'"]*))$/.exec(line);
    if (!match?.[1]) throw new Error(`not an export line: ${JSON.stringify(line)}`);
    env[match[1]] = match[2] !== undefined ? match[2].replace(/'\\''/g, "'") : (match[3] ?? '');
  }
  return env;
}

/** POSIX shell quoting: bare when safe, else single quotes with embedded quotes escaped. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_./:@%+=,-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
