/** A small Halo tenant and helpers shared by the Halo sandbox tests (plain fetch, real HTTP on loopback). */
import { afterEach } from 'vitest';
import { startHaloSandbox, type HaloSandbox, type HaloSandboxOptions } from '../../src/sandbox/halo/index.js';
import type { SandboxSeed } from '../../src/sandbox/seed-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are inspected ad hoc in tests
export type Json = any;

export const ROLE = {
  technician: '0b6f2a8e-4c1d-4f3a-9e21-5a7c3d9b1e01',
  senior: '1c7e3b9f-5d2e-4a4b-8f32-6b8d4eac2f02',
  admin: '2d8f4cae-6e3f-4b5c-9a43-7c9e5fbd3a03',
} as const;

export function fixtureHalo(): NonNullable<SandboxSeed['halo']> {
  return {
    clients: [
      { id: 1, name: 'Harbor Dental' },
      { id: 2, name: 'Keystone Legal' },
    ],
    sites: [
      { id: 10, name: 'Harbor Dental - Main Clinic', client_id: 1 },
      { id: 11, name: 'Harbor Dental - Eastside', client_id: 1 },
      { id: 20, name: 'Keystone Legal - Head Office', client_id: 2 },
      { id: 21, name: 'Keystone Legal - Old Office', client_id: 2, inactive: true },
    ],
    roles: [
      { id: ROLE.technician, name: 'Technician' },
      { id: ROLE.senior, name: 'Senior Technician' },
      { id: ROLE.admin, name: 'Administrator' },
    ],
    fields: [{ id: 151, name: 'CFEmployeeNumber', label: 'Employee number' }],
    users: [
      { id: 1, name: 'Ana Silva', firstname: 'Ana', surname: 'Silva', emailaddress: 'ana.silva@harbordental.example', site_id: 10, customfields: [{ id: 151, value: 'HD-1001' }] },
      { id: 2, name: 'Ben Okoro', emailaddress: 'ben.okoro@harbordental.example', site_id: 10 },
      { id: 3, name: 'Cara Lind', emailaddress: 'cara.lind@harbordental.example', site_id: 11, inactive: true },
      { id: 4, name: 'Dev Patel', emailaddress: 'dev.patel@keystonelegal.example', site_id: 20 },
      { id: 5, name: 'Eve Moreau', emailaddress: 'eve.moreau@keystonelegal.example', site_id: 20 },
      { id: 6, name: 'Finn Walsh', emailaddress: 'finn.walsh@keystonelegal.example', site_id: 20, inactive: true },
      { id: 7, name: 'Gail Chen', emailaddress: 'gail.chen@harbordental.example', site_id: 11, title: 'Hygienist' },
    ],
    agents: [
      { id: 1, name: 'Break Glass', email: 'breakglass@brightwater.example', roles: [{ id: ROLE.admin }] },
      { id: 2, name: 'Aisha Kamara', email: 'aisha.kamara@brightwater.example', third_party_guid: '104729384756102938475', roles: [{ id: ROLE.technician }, { id: ROLE.senior }] },
      { id: 3, name: 'Ravi Menon', email: 'ravi.menon@brightwater.example', isdisabled: true, roles: [{ id: ROLE.technician }] },
    ],
    cabs: [
      { id: 1, name: 'Infrastructure CAB', members: [{ agent_id: 1 }, { agent_id: 2 }] },
      { id: 2, name: 'Software Release CAB', members: [{ agent_id: 2 }] },
    ],
    control: { enablegooglesso: false, halointegrator_googleworkplace: false, googlessoautoredirect: false },
  };
}

/** A test clock (ms since the epoch) that only moves when told to. */
export function manualClock(start = Date.UTC(2025, 0, 6, 9, 0, 0)): { now: () => number; advance(seconds: number): void } {
  let t = start;
  return { now: () => t, advance: (seconds) => (t += seconds * 1000) };
}

export interface Fixture {
  server: HaloSandbox;
  url: string;
  token(): Promise<string>;
  /** An authenticated JSON call; returns status, parsed body (or text) and headers. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json; headers: Headers }>;
}

const running: HaloSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

export async function startFixture(options: HaloSandboxOptions = {}): Promise<Fixture> {
  const server = await startHaloSandbox({ halo: fixtureHalo(), ...options });
  running.push(server);
  let cached: string | undefined;
  const token = async () => {
    const res = await requestToken(server.url, 'sandbox', 'sandbox');
    if (res.status !== 200) throw new Error(`token request failed: ${res.status}`);
    return (res.body as { access_token: string }).access_token;
  };
  return {
    server,
    url: server.url,
    token,
    async api(method, path, body) {
      cached ??= await token();
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${cached}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, body: await parse(res), headers: res.headers };
    },
  };
}

export async function requestToken(url: string, clientId: string, clientSecret: string): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${url}/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'all' }),
  });
  return { status: res.status, body: await parse(res) };
}

export async function parse(res: Response): Promise<Json> {
  const text = await res.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function sandboxState(url: string): Promise<Json> {
  return (await fetch(`${url}/_sandbox/state`)).json();
}
