/**
 * generateWorld(size, seed, variant): a synthetic MSP as a sandbox seed plus its halo-sync.yaml,
 * deterministic in (size, seed). `steady`: Halo as after years of use (mostly linked, some
 * predating, drifted, leavers); `initial`: Halo empty of people (a first import: every placed
 * person is a create). Both variants share the same Google side and the same config.
 */
import { seededRandom } from '../../src/sandbox/prng.js';
import type { SandboxSeed, SeedCustomer } from '../../src/sandbox/seed-types.js';
import { benchConfig, configYaml } from './config.js';
import { baseAgents, initialCabs, ROLE_IDS, steadyAgents } from './halo-agents.js';
import { EMPLOYEE_NUMBER_FIELD, steadyUsers } from './halo-users.js';
import { buildOrg, type Org, type OrgCustomer } from './org.js';
import { assignSites, type CustomerSites, type SiteSpec } from './placement.js';
import { newTally } from './tally.js';

export type Variant = 'steady' | 'initial';

export interface World {
  size: number;
  seedNumber: number;
  variant: Variant;
  org: Org;
  sites: Map<string, CustomerSites>;
  seed: SandboxSeed;
  config: Record<string, unknown>;
  configYaml: string;
}

function seedCustomer(customer: OrgCustomer): SeedCustomer {
  return { id: customer.id, domain: customer.domain, users: customer.people.map((p) => p.user), groups: customer.groups };
}

const ROLES = [
  { id: ROLE_IDS.technician, name: 'Technician' },
  { id: ROLE_IDS.senior, name: 'Senior Technician' },
  { id: ROLE_IDS.manager, name: 'Service Desk Manager' },
  { id: ROLE_IDS.admin, name: 'Administrator' },
  { id: ROLE_IDS.finance, name: 'Finance Reviewer' },
];

export interface WorldOptions {
  /** Customer directories (default: N / 2,000, 3 to 60; at most 192). */
  customers?: number;
}

export function generateWorld(size: number, seedNumber = 1, variant: Variant = 'steady', options: WorldOptions = {}): World {
  if (!Number.isInteger(size) || size < 100) throw new Error(`size must be a whole number of at least 100 people, not ${size}`);
  const org = buildOrg(size, seededRandom(seedNumber), options.customers);
  const sites = assignSites(org);
  // Halo's side draws from its own stream, so both variants see the same Google side.
  const haloRandom = seededRandom(seedNumber * 7919 + 1);
  const tally = newTally();
  const { agents, cabs } = steadyAgents(org, haloRandom, tally);
  // Customers not on Google Workspace: their Halo users fill Halo up to about `size` people.
  const otherClient = { id: org.customers.length + 2, name: 'Other customers (not on Google Workspace)' };
  const lastSite = Math.max(...[...sites.values()].flatMap((s) => [s.hq, s.branch, s.remote, s.old]).map((s) => s?.id ?? 0));
  const otherSite: SiteSpec = { id: lastSite + 1, name: `${otherClient.name} - Main`, clientId: otherClient.id };
  const users = steadyUsers(org, sites, haloRandom, tally, size, otherSite, agents.length);
  const config = benchConfig(org, sites, tally.deactivations);

  const customers: Record<string, SeedCustomer> = { my_customer: seedCustomer(org.own) };
  for (const customer of org.customers) customers[customer.key] = seedCustomer(customer);
  const clients = [{ id: 1, name: org.own.name }, ...org.customers.map((c, i) => ({ id: i + 2, name: c.name })), otherClient];
  const siteList = [{ id: 1, name: `${org.own.name} - Head Office`, client_id: 1 }, { id: otherSite.id, name: otherSite.name, client_id: otherClient.id }];
  for (const s of sites.values()) {
    for (const site of [s.hq, s.branch, s.remote, s.old]) {
      if (site) siteList.push({ id: site.id, name: site.name, client_id: site.clientId, ...(site.inactive ? { inactive: true } : {}) });
    }
  }
  const seed: SandboxSeed = {
    google: { customers },
    halo: {
      clients,
      sites: siteList,
      roles: ROLES,
      cabs: variant === 'initial' ? initialCabs() : cabs,
      users: variant === 'initial' ? [] : users,
      agents: variant === 'initial' ? baseAgents() : agents,
      fields: [EMPLOYEE_NUMBER_FIELD],
      control: { enablegooglesso: false, googlessotype: 0, googlessoautoredirect: false, google_application: null, halointegrator_googleworkplace: false },
    },
  };
  return { size, seedNumber, variant, org, sites, seed, config, configYaml: configYaml(config, size, seedNumber, variant) };
}

/** `1k` → 1000, `100k` → 100000, `2500` → 2500. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kKmM]?)$/.exec(text.trim());
  if (!match) throw new Error(`not a size: ${JSON.stringify(text)} (use e.g. 1k, 10k, 100k or 2500)`);
  const factor = match[2]?.toLowerCase() === 'k' ? 1000 : match[2]?.toLowerCase() === 'm' ? 1_000_000 : 1;
  return Math.round(Number(match[1]) * factor);
}

export function sizeLabel(size: number): string {
  return size % 1000 === 0 ? `${size / 1000}k` : String(size);
}
