/**
 * Halo's agents for a synthetic organisation (the steady-state variant): most of the agents import
 * already linked by third_party_guid, some predating the integration (matched by email), some new;
 * drifted job titles and role sets, a few disabled, a few holding no licensed role, leavers no
 * longer in Google; a break-glass account (protected) and a vendor engineer outside Google.
 * CAB seats mostly in step with the groups, a few to add and a few to remove.
 */
import type { Random } from '../../src/sandbox/prng.js';
import type { SandboxSeed } from '../../src/sandbox/seed-types.js';
import { googleId, MAX_PEOPLE } from './names.js';
import type { Org, Person } from './org.js';
import { isAgentImport, transitiveMembers } from './placement.js';
import type { Tally } from './tally.js';

type SeedAgent = NonNullable<NonNullable<SandboxSeed['halo']>['agents']>[number];
type SeedCab = NonNullable<NonNullable<SandboxSeed['halo']>['cabs']>[number];

export const ROLE_IDS = {
  technician: '5f0c1a7e-3b2d-4e8f-9a61-0c4d2b7e1a01',
  senior: '6a1d2b8f-4c3e-4f90-8b72-1d5e3c8f2b02',
  manager: '7b2e3c90-5d4f-4a01-9c83-2e6f4d903c03',
  admin: '8c3f4da1-6e50-4b12-8d94-3f705ea14d04',
  finance: '9d4050b2-7f61-4c23-9ea5-40816fb25e05',
} as const;

export const BREAKGLASS = 'breakglass@meridianit.example';

export function baseAgents(): SeedAgent[] {
  return [{ id: 1, name: 'Break Glass', email: BREAKGLASS, jobtitle: 'Emergency access account', roles: [{ id: ROLE_IDS.admin }] }];
}

function agentRecord(id: number, person: Person, random: Random): SeedAgent {
  const { user } = person;
  const title = user.organizations?.[0]?.title ?? null;
  return {
    id,
    name: `${user.name?.givenName} ${user.name?.familyName}`,
    firstname: user.name?.givenName ?? null,
    surname: user.name?.familyName ?? null,
    email: user.primaryEmail,
    jobtitle: random() < 0.05 ? 'Analyst (old title)' : title,
    sms: user.phones?.find((p) => p.type === 'mobile')?.value ?? null,
  };
}

export function steadyAgents(org: Org, random: Random, tally: Tally): { agents: SeedAgent[]; cabs: SeedCab[] } {
  const own = org.own;
  const email = (local: string) => `${local}@${own.domain}`;
  const member = (local: string) => transitiveMembers(own.groups, email(local));
  const haloAgents = member('halo-agents');
  const leads = member('service-desk-leads');
  const escalations = member('escalations');
  const admins = member('it-admins');
  const approvers = member('change-approvers');
  const reviewers = member('security-reviewers');

  const agents = [...baseAgents(), { id: 2, name: 'Dana Vendor', firstname: 'Dana', surname: 'Vendor', email: 'dana@apexnetworks.example', jobtitle: 'Network Consultant', roles: [{ id: ROLE_IDS.technician }] }];
  const infra = [{ agent_id: 2 }];
  const security: Array<{ agent_id: number }> = [];
  let nextId = 3;
  for (const person of own.people) {
    if (!isAgentImport(person, haloAgents)) continue;
    const r = random();
    if (r >= 0.93) continue; // new: created by the plan
    const key = person.user.primaryEmail.toLowerCase();
    const record = agentRecord(nextId++, person, random);
    if (r < 0.88) record.third_party_guid = person.user.id;
    const groupRoles: string[] = [];
    if (leads.has(key)) groupRoles.push(ROLE_IDS.manager);
    if (escalations.has(key)) groupRoles.push(ROLE_IDS.senior);
    if (admins.has(key)) groupRoles.push(ROLE_IDS.admin);
    let roles: string[] = [ROLE_IDS.technician, ...groupRoles];
    const drift = random();
    if (drift < 0.04 && groupRoles.length > 0) roles = roles.slice(0, -1);
    else if (drift < 0.06 && !admins.has(key)) roles.push(ROLE_IDS.admin);
    else if (drift < 0.07 && groupRoles.length === 0) {
      roles = [ROLE_IDS.finance];
      if (!person.user.suspended) tally.deactivations += 1; // licence: no licensed role left
    }
    record.roles = roles.map((id) => ({ id }));
    if (random() < 0.005) record.isdisabled = true;
    if (person.user.suspended) tally.deactivations += 1;
    agents.push(record);
    const seat = random();
    if (approvers.has(key) && seat < 0.9) infra.push({ agent_id: record.id });
    else if (!approvers.has(key) && seat < 0.01) infra.push({ agent_id: record.id });
    if (reviewers.has(key) && random() < 0.9) security.push({ agent_id: record.id });
  }
  // Leavers: linked agents whose Google account was deleted.
  const leavers = Math.ceil(own.people.length / 500);
  for (let k = 0; k < leavers; k += 1) {
    agents.push({ id: nextId++, name: `Former Agent${k}`, firstname: 'Former', surname: `Agent${k}`, email: `former.agent${k}@${own.domain}`, third_party_guid: googleId(MAX_PEOPLE + 1_000 + k), roles: [{ id: ROLE_IDS.technician }] });
    tally.deactivations += 1;
  }
  const cabs: SeedCab[] = [
    { id: 1, name: 'Infrastructure CAB', members: infra },
    { id: 2, name: 'Security CAB', members: security },
    { id: 3, name: 'Software Release CAB', members: [{ agent_id: 2 }] },
  ];
  return { agents, cabs };
}

export function initialCabs(): SeedCab[] {
  return [
    { id: 1, name: 'Infrastructure CAB', members: [] },
    { id: 2, name: 'Security CAB', members: [] },
    { id: 3, name: 'Software Release CAB', members: [] },
  ];
}
