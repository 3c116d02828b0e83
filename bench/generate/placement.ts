/**
 * Where each synthetic person belongs, by the same rules the generated config states: the agents
 * import takes Meridian's Service Desk and Engineering OUs and halo-agents@ (leadership, nested,
 * and presales); each customer's Head Office and Branch mappings take their OUs; the Remote mapping
 * of a read-whole customer takes /Remote or remote-staff@ (with the nested field team).
 * The Halo generator uses this to decide who already has a record and at which site.
 */
import type { SeedGroup } from '../../src/sandbox/seed-types.js';
import type { Org, OrgCustomer, Person } from './org.js';

export interface SiteSpec {
  id: number;
  name: string;
  clientId: number;
  inactive?: boolean;
}

export interface CustomerSites {
  clientId: number;
  hq: SiteSpec;
  branch: SiteSpec;
  remote?: SiteSpec;
  old?: SiteSpec;
}

export function under(ou: string, path: string): boolean {
  return ou === path || ou.startsWith(`${path}/`);
}

/** Transitive USER member emails of a group (lower-case), cycles cut. */
export function transitiveMembers(groups: SeedGroup[], email: string, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  const key = email.toLowerCase();
  if (seen.has(key)) return out;
  seen.add(key);
  const found = groups.find((g) => g.email.toLowerCase() === key);
  for (const m of found?.members ?? []) {
    if (m.type === 'USER' && m.email) out.add(m.email.toLowerCase());
    if (m.type === 'GROUP' && m.email) for (const e of transitiveMembers(groups, m.email, seen)) out.add(e);
  }
  return out;
}

export function isAgentImport(person: Person, haloAgents: Set<string>): boolean {
  return under(person.ou, '/Service Desk') || under(person.ou, '/Engineering') || haloAgents.has(person.user.primaryEmail.toLowerCase());
}

/** Sites per customer, ids from 2 (1 is Meridian's own head office). */
export function assignSites(org: Org): Map<string, CustomerSites> {
  const sites = new Map<string, CustomerSites>();
  let siteId = 2;
  org.customers.forEach((customer, c) => {
    const clientId = c + 2;
    const site = (suffix: string, inactive = false): SiteSpec => ({ id: siteId++, name: `${customer.name} - ${suffix}`, clientId, ...(inactive ? { inactive } : {}) });
    const entry: CustomerSites = { clientId, hq: site('Head Office'), branch: site('Branch') };
    if (customer.readWhole) entry.remote = site('Remote');
    if (c % 4 === 3) entry.old = site('Old Office', true);
    sites.set(customer.key, entry);
  });
  return sites;
}

/** The site a customer's person is placed at by the first matching mapping, or undefined (out of scope). */
export function placeCustomerPerson(customer: OrgCustomer, sites: CustomerSites, person: Person, remoteStaff: Set<string>): SiteSpec | undefined {
  if (under(person.ou, '/Offices/HQ')) return sites.hq;
  if (under(person.ou, '/Offices/Branch')) return sites.branch;
  if (customer.readWhole && sites.remote && (under(person.ou, '/Remote') || remoteStaff.has(person.user.primaryEmail.toLowerCase()))) return sites.remote;
  return undefined;
}

export function remoteStaffOf(customer: OrgCustomer): Set<string> {
  return customer.readWhole ? transitiveMembers(customer.groups, `remote-staff@${customer.domain}`) : new Set();
}
