/**
 * Test setup over the real sandbox (src/sandbox/halo): seeds built here, a client pointed at the
 * sandbox, and helpers to check that no secret or token leaks into an error.
 */
import { expect } from 'vitest';
import { startHaloSandbox, type HaloSandbox, type HaloSandboxOptions } from '../../src/sandbox/halo/index.js';
import type { SandboxSeed } from '../../src/sandbox/seed-types.js';
import { createHaloClient, type HaloClient, type HaloClientOptions } from '../../src/halo/index.js';

export const CLIENT_ID = 'halo-sync-test-client';
export const CLIENT_SECRET = 'hs-test-secret-9f8e7d6c5b4a';

export const ROLE_TECH = '7c0a9c3e-1111-4a4a-9b9b-000000000001';
export const ROLE_ADMIN = '7c0a9c3e-2222-4a4a-9b9b-000000000002';
export const ROLE_FINANCE = '7c0a9c3e-3333-4a4a-9b9b-000000000003';

export function googleId(n: number): string {
  return String(100_000_000_000_000_000_000n + BigInt(n));
}

/** A tenant with `userCount` end users (every 10th inactive, every 3rd linked), agents, CABs and settings. */
export function haloSeed(userCount: number, extra: Partial<NonNullable<SandboxSeed['halo']>> = {}): NonNullable<SandboxSeed['halo']> {
  return {
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    clients: [
      { id: 1, name: 'Harbor Dental' },
      { id: 2, name: 'Old Customer', inactive: true },
    ],
    sites: [
      { id: 10, name: 'Harbor Dental - Main Clinic', client_id: 1 },
      { id: 11, name: 'Harbor Dental - Eastside', client_id: 1 },
      { id: 12, name: 'Closed Office', client_id: 2, inactive: true },
    ],
    roles: [
      { id: ROLE_TECH, name: 'Technician' },
      { id: ROLE_ADMIN, name: 'Administrator' },
      { id: ROLE_FINANCE, name: 'Finance Reviewer' },
    ],
    fields: [{ id: 150, name: 'CFEmployeeNumber', label: 'Employee number' }],
    users: Array.from({ length: userCount }, (_, i) => ({
      id: i + 1,
      name: `Person ${i + 1}`,
      firstname: 'Person',
      surname: String(i + 1),
      emailaddress: `person${i + 1}@harbordental.example`,
      site_id: i % 2 === 0 ? 10 : 11,
      inactive: i % 10 === 9,
      ...(i % 3 === 0 ? { googleworkplace_id: googleId(i + 1) } : {}),
    })),
    agents: [
      { id: 1, name: 'Ann Admin', email: 'ann@brightwater.example', isdisabled: false, third_party_guid: googleId(9001), roles: [{ id: ROLE_ADMIN }, { id: ROLE_FINANCE }] },
      { id: 2, name: 'Ben Gone', email: 'ben@brightwater.example', isdisabled: true, third_party_guid: googleId(9002), roles: [{ id: ROLE_TECH }] },
      { id: 3, name: 'Break Glass', email: 'breakglass@brightwater.example', isdisabled: false, third_party_guid: '', roles: [] },
    ],
    cabs: [
      { id: 1, name: 'Infrastructure CAB', members: [{ agent_id: 1 }, { agent_id: 3 }] },
      { id: 2, name: 'Finance CAB', members: [] },
    ],
    control: { enablegooglesso: false, halointegrator_googleworkplace: false, googlessotype: 0 },
    ...extra,
  };
}

export interface Harness {
  sandbox: HaloSandbox;
  env: Record<string, string>;
  client(options?: Partial<HaloClientOptions>): HaloClient;
  close(): Promise<void>;
}

export async function startHalo(options: HaloSandboxOptions): Promise<Harness> {
  const sandbox = await startHaloSandbox(options);
  const env = { HALO_URL: sandbox.url, HALO_CLIENT_ID: CLIENT_ID, HALO_CLIENT_SECRET: CLIENT_SECRET };
  return {
    sandbox,
    env,
    client: (o = {}) => createHaloClient({ config: { halo: { url: 'https://unused.example' } }, env, rateLimit: 'off', ...o }),
    close: () => sandbox.close(),
  };
}

/** Every text an error carries (message, excerpt, reason, stack, causes) must be free of secrets. */
export function expectNoSecrets(error: unknown, secrets: readonly string[]): void {
  const texts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth += 1) {
    const e = current as Record<string, unknown>;
    texts.push(String(e.message ?? ''), String(e.stack ?? ''), String(e.excerpt ?? ''), String(e.reason ?? ''), String(e.path ?? ''));
    try {
      texts.push(JSON.stringify(e));
    } catch {
      // cycles: the other texts are enough
    }
    current = e.cause;
  }
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).not.toContain(secret);
  }
}

/** Runs `fn`, expecting it to throw; returns the error. */
export async function failureOf(fn: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await fn();
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected a failure');
}
