/**
 * A small reseller world where every scope has something a complete read would take away, so an
 * incomplete read that took it away anyway cannot hide:
 *   - Alder (C0alder01, site "Alder Office"): a2 suspended (lifecycle deactivate), a3 deleted from
 *     Google but linked in Halo (out of scope: deactivate), a1 linked and fine;
 *   - Birch (C0birch01, site "Birch Office"), 520 people so its read takes two pages: b2 suspended,
 *     b-new to create, b1 linked;
 *   - own staff (agents): eng2 holds Administrator but left admins@ (role removal), eng4's only
 *     licensed role is Administrator and he left admins@ (role removal + licence deactivation),
 *     eng2 holds a CAB seat but left cab@ (seat removal), eng3 is suspended (deactivation).
 */
import type { DirectoryUser } from '../../src/model/directory.js';
import type { SandboxSeed } from '../../src/sandbox/seed-types.js';

export const ROLE = { technician: 'aaaa0000-0000-4000-8000-000000000001', admin: 'aaaa0000-0000-4000-8000-000000000002' } as const;
export const ALDER = 'C0alder01';
export const BIRCH = 'C0birch01';
export const BIRCH_PEOPLE = 520;

const gid = (n: number) => String(300000000000000000000n + BigInt(n));
const person = (n: number, email: string, given: string, family: string, extra: Partial<DirectoryUser> = {}): DirectoryUser => ({
  id: gid(n), primaryEmail: email, name: { givenName: given, familyName: family }, orgUnitPath: '/Staff', ...extra,
});

/** Google ids of the people whose Halo records a complete plan changes, by scope. */
export const IDS = {
  a1: gid(1), a2: gid(2), a3: gid(3),
  b1: gid(101), b2: gid(102), bNew: gid(103),
  eng1: gid(901), eng2: gid(902), eng3: gid(903), eng4: gid(904),
};

export function partialSeed(): SandboxSeed {
  const birch: DirectoryUser[] = [
    person(101, 'b1@birch.example', 'Bea', 'One'),
    person(102, 'b2@birch.example', 'Ben', 'Two', { suspended: true }),
    person(103, 'b-new@birch.example', 'Bo', 'New'),
  ];
  for (let i = 0; i < BIRCH_PEOPLE - 3; i++) birch.push(person(2000 + i, `staff${String(i).padStart(3, '0')}@birch.example`, `Staff${i}`, 'Birch'));
  const haloUser = (id: number, googleId: string, email: string, first: string, last: string, site: number) => ({
    id, name: `${first} ${last}`, firstname: first, surname: last, emailaddress: email, site_id: site, googleworkplace_id: googleId, inactive: false,
  });
  const agent = (id: number, googleId: string, email: string, first: string, roles: string[]) => ({
    id, name: `${first} Eng`, firstname: first, surname: 'Eng', email, third_party_guid: googleId, isdisabled: false, roles: roles.map((r) => ({ id: r })),
  });
  return {
    google: {
      customers: {
        my_customer: {
          id: 'C0own0001',
          domain: 'own.example',
          users: [
            person(901, 'eng1@own.example', 'Eng1', 'Eng', { orgUnitPath: '/Engineering' }),
            person(902, 'eng2@own.example', 'Eng2', 'Eng', { orgUnitPath: '/Engineering' }),
            person(903, 'eng3@own.example', 'Eng3', 'Eng', { orgUnitPath: '/Engineering', suspended: true }),
            person(904, 'eng4@own.example', 'Eng4', 'Eng', { orgUnitPath: '/Engineering' }),
          ],
          groups: [
            { id: 'g-admins', email: 'admins@own.example', members: [{ email: 'eng1@own.example', type: 'USER' }] },
            { id: 'g-cab', email: 'cab@own.example', members: [{ email: 'eng1@own.example', type: 'USER' }] },
          ],
        },
        [ALDER]: {
          id: ALDER,
          domain: 'alder.example',
          users: [person(1, 'a1@alder.example', 'Ann', 'One'), person(2, 'a2@alder.example', 'Abe', 'Two', { suspended: true })],
        },
        [BIRCH]: { id: BIRCH, domain: 'birch.example', users: birch },
      },
    },
    halo: {
      clients: [{ id: 1, name: 'Alder' }, { id: 2, name: 'Birch' }, { id: 3, name: 'Own' }],
      sites: [{ id: 1, name: 'Alder Office', client_id: 1 }, { id: 2, name: 'Birch Office', client_id: 2 }],
      roles: [{ id: ROLE.technician, name: 'Technician' }, { id: ROLE.admin, name: 'Administrator' }],
      cabs: [{ id: 1, name: 'Change CAB', members: [{ agent_id: 11 }, { agent_id: 12 }] }],
      users: [
        haloUser(1, IDS.a1, 'a1@alder.example', 'Ann', 'One', 1),
        haloUser(2, IDS.a2, 'a2@alder.example', 'Abe', 'Two', 1),
        haloUser(3, IDS.a3, 'a3@alder.example', 'Ada', 'Three', 1),
        haloUser(11, IDS.b1, 'b1@birch.example', 'Bea', 'One', 2),
        haloUser(12, IDS.b2, 'b2@birch.example', 'Ben', 'Two', 2),
      ],
      agents: [
        agent(11, IDS.eng1, 'eng1@own.example', 'Eng1', [ROLE.technician, ROLE.admin]),
        agent(12, IDS.eng2, 'eng2@own.example', 'Eng2', [ROLE.technician, ROLE.admin]),
        agent(13, IDS.eng3, 'eng3@own.example', 'Eng3', [ROLE.technician]),
        agent(14, IDS.eng4, 'eng4@own.example', 'Eng4', [ROLE.admin]),
      ],
      fields: [],
      control: { enablegooglesso: false, halointegrator_googleworkplace: false },
    },
  };
}

export const PARTIAL_CONFIG = `version: 1
google: { directory: customers }
halo: { url: https://partial.halopsa.com }
mappings:
  - { name: engineers, agent: true, defaultRole: Technician, customer: my_customer, filter: { field: orgUnitPath, op: under, value: /Engineering } }
  - { name: alder, site: Alder Office, customer: ${ALDER} }
  - { name: birch, site: Birch Office, customer: ${BIRCH} }
roles:
  - { group: admins@own.example, role: Administrator }
cabs:
  - { group: cab@own.example, cab: Change CAB }
licence: { enabled: true, activeRoles: [Technician, Administrator] }
lifecycle: { suspended: deactivate, outOfScope: deactivate }
safety: { maxDeactivations: 20, maxDeactivationPercent: 100 }
`;
