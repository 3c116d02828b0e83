/**
 * A generated world bigger than the example (hundreds of people, so every resource is written in
 * several batches), reproducible from a number. Staff become end users at one site; engineers
 * become agents; a group grants Administrator, another a CAB seat. Halo starts half-populated:
 * linked records with stale titles, unlinked records matched by email, linked people suspended in
 * Google (deactivated), agents holding a role no rule names, and a vendor agent in the CAB.
 */
import type { DirectoryUser } from '../../src/model/directory.js';
import type { SandboxSeed } from '../../src/sandbox/seed-types.js';
import { seededRandom } from '../../src/sandbox/prng.js';

export const GEN_ROLES = {
  technician: '11111111-0000-4000-8000-000000000001',
  admin: '11111111-0000-4000-8000-000000000002',
  finance: '11111111-0000-4000-8000-000000000003',
} as const;

const DEPARTMENTS = ['Sales', 'Finance', 'Operations', 'Support'];
const TITLES = ['Associate', 'Analyst', 'Manager', 'Coordinator', 'Specialist'];

const googleId = (n: number) => String(100000000000000000000n + BigInt(n));

export function generatedSeed(options: { staff: number; engineers: number; seed: number }): SandboxSeed {
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const users: DirectoryUser[] = [];
  const halo = { users: [] as Array<Record<string, unknown> & { id: number }>, agents: [] as Array<Record<string, unknown> & { id: number }> };
  halo.agents.push({ id: 1, name: 'Vendor Engineer', email: 'vendor@partner.example', roles: [{ id: GEN_ROLES.finance }] });

  for (let i = 0; i < options.staff; i++) {
    const department = pick(DEPARTMENTS);
    const title = pick(TITLES);
    const email = `staff${i}@gen.example`;
    const suspended = i % 50 === 7;
    users.push({ id: googleId(i), primaryEmail: email, name: { givenName: `Staff${i}`, familyName: `Person${i}` }, orgUnitPath: `/Staff/${department}`, suspended, organizations: [{ title, department, primary: true }] });
    const base = { name: `Staff${i} Person${i}`, firstname: `Staff${i}`, surname: `Person${i}`, emailaddress: email, site_id: 1 };
    if (i < options.staff / 3) halo.users.push({ id: 1000 + i, ...base, googleworkplace_id: googleId(i), title: i % 4 === 0 ? 'Old Title' : title, department });
    else if (i % 10 === 3 && !suspended) halo.users.push({ id: 1000 + i, ...base });
  }
  for (let i = 0; i < options.engineers; i++) {
    const gid = googleId(900000 + i);
    const email = `eng${i}@gen.example`;
    users.push({ id: gid, primaryEmail: email, name: { givenName: `Eng${i}`, familyName: `Builder${i}` }, orgUnitPath: '/IT', organizations: [{ title: 'Engineer', department: 'IT', primary: true }] });
    if (i < 10) {
      const roles = [{ id: GEN_ROLES.technician }, { id: GEN_ROLES.finance }, ...(i % 2 === 1 ? [{ id: GEN_ROLES.admin }] : [])];
      halo.agents.push({ id: 10 + i, name: `Eng${i} Builder${i}`, firstname: `Eng${i}`, surname: `Builder${i}`, email, third_party_guid: gid, jobtitle: 'Engineer', roles });
    }
  }
  const engineerEmails = (keep: (i: number) => boolean) =>
    Array.from({ length: options.engineers }, (_, i) => i)
      .filter(keep)
      .map((i) => ({ email: `eng${i}@gen.example`, type: 'USER' as const }));

  return {
    google: {
      customers: {
        my_customer: {
          id: 'C0gen0001',
          domain: 'gen.example',
          users,
          groups: [
            { id: 'g-admins', email: 'admins@gen.example', members: engineerEmails((i) => i % 5 === 0) },
            { id: 'g-cab', email: 'cab@gen.example', members: engineerEmails((i) => i % 7 === 0) },
          ],
        },
      },
    },
    halo: {
      clients: [{ id: 1, name: 'Gen Co' }],
      sites: [{ id: 1, name: 'Head Office', client_id: 1 }],
      roles: [
        { id: GEN_ROLES.technician, name: 'Technician' },
        { id: GEN_ROLES.admin, name: 'Administrator' },
        { id: GEN_ROLES.finance, name: 'Finance Reviewer' },
      ],
      cabs: [{ id: 1, name: 'Change CAB', members: [{ agent_id: 1 }, { agent_id: 11 }] }],
      users: halo.users,
      agents: halo.agents,
      fields: [],
      control: { enablegooglesso: false, halointegrator_googleworkplace: false },
    },
  };
}

export interface GeneratedConfigOptions {
  maxDeactivations?: number;
  /** Licence rules on: Technician and Administrator are the active roles. */
  licence?: boolean;
  outOfScope?: 'keep' | 'deactivate';
}

export function generatedConfig(overrides: GeneratedConfigOptions = {}): string {
  return `version: 1
google: { directory: own }
halo: { url: https://gen.halopsa.com }
mappings:
  - name: staff
    site: Head Office
    filter: { field: orgUnitPath, op: under, value: /Staff }
  - name: engineers
    agent: true
    defaultRole: Technician
    filter: { field: orgUnitPath, op: under, value: /IT }
roles:
  - { group: admins@gen.example, role: Administrator }
cabs:
  - { group: cab@gen.example, cab: Change CAB }
${overrides.licence ? 'licence: { enabled: true, activeRoles: [Technician, Administrator] }\n' : ''}lifecycle: { suspended: deactivate, outOfScope: ${overrides.outOfScope ?? 'keep'} }
safety: { maxDeactivations: ${overrides.maxDeactivations ?? 50}, maxDeactivationPercent: 50 }
`;
}
