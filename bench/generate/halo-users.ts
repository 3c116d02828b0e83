/**
 * Halo's end users for a synthetic organisation (the steady-state variant). For each person a
 * customer mapping places: 85 % linked by googleworkplace_id (4 % with a drifted title, 1 % a
 * drifted phone, 1 % a missing employee number, 0.5 % at the wrong site, 0.3 % inactive), 7 %
 * predating the integration with the same email (a fifth of them in other letter case), 0.5 %
 * predating with an old-domain email (matched by name), the rest new. Plus records halo-sync must
 * leave alone (shared mailboxes), duplicates that make a person ambiguous, leavers deleted from
 * Google, and movers who left every mapping (both looked up directly by the plan).
 */
import type { HaloUser } from '../../src/model/halo.js';
import type { Random } from '../../src/sandbox/prng.js';
import { googleId, MAX_PEOPLE, personName } from './names.js';
import type { Org, OrgCustomer, Person } from './org.js';
import { placeCustomerPerson, remoteStaffOf, type CustomerSites, type SiteSpec } from './placement.js';
import type { Tally } from './tally.js';

type SeedUser = Partial<HaloUser> & { id: number };

export const EMPLOYEE_NUMBER_FIELD = { id: 151, name: 'CFEmployeeNumber', label: 'Employee number' };

function userRecord(id: number, person: Person, site: SiteSpec, random: Random): SeedUser {
  const { user } = person;
  const work = user.phones?.find((p) => p.type === 'work')?.value ?? null;
  const employee = user.customSchemas?.Employment?.employeeNumber;
  const drift = random();
  return {
    id,
    name: `${user.name?.givenName} ${user.name?.familyName}`,
    firstname: user.name?.givenName ?? null,
    surname: user.name?.familyName ?? null,
    emailaddress: user.primaryEmail,
    site_id: site.id,
    title: drift < 0.04 ? 'Previous Title' : (user.organizations?.[0]?.title ?? null),
    department: user.organizations?.[0]?.department ?? null,
    phonenumber: drift >= 0.04 && drift < 0.05 ? '+1 207-000-0000' : work,
    mobilenumber: user.phones?.find((p) => p.type === 'mobile')?.value ?? null,
    customfields: drift >= 0.05 && drift < 0.06 ? [] : [{ id: EMPLOYEE_NUMBER_FIELD.id, value: employee }],
  };
}

interface Cursor {
  nextId: number;
}

function customerUsers(customer: OrgCustomer, sites: CustomerSites, random: Random, tally: Tally, cursor: Cursor, users: SeedUser[]): void {
  const remote = remoteStaffOf(customer);
  const duplicates = Math.max(1, Math.round(customer.people.length / 10_000));
  let duplicated = 0;
  for (const person of customer.people) {
    const site = placeCustomerPerson(customer, sites, person, remote);
    if (!site) continue;
    const r = random();
    const suspended = person.user.suspended === true;
    if (r < 0.85) {
      const record = userRecord(cursor.nextId++, person, random() < 0.005 ? sites.branch : site, random);
      record.googleworkplace_id = person.user.id;
      if (random() < 0.003) record.inactive = true;
      if (suspended && record.inactive !== true) tally.deactivations += 1;
      users.push(record);
    } else if (r < 0.92) {
      const record = userRecord(cursor.nextId++, person, site, random);
      if (random() < 0.2) record.emailaddress = person.user.primaryEmail.toUpperCase();
      if (suspended) tally.deactivations += 1;
      users.push(record);
    } else if (r < 0.925) {
      const record = userRecord(cursor.nextId++, person, site, random);
      record.emailaddress = `${person.user.primaryEmail.split('@')[0]}@old-${customer.domain}`;
      if (suspended) tally.deactivations += 1;
      users.push(record);
    } else if (duplicated < duplicates && !suspended) {
      // Two hand-made records share this new person's email: ambiguous, skipped with a warning.
      duplicated += 1;
      users.push(userRecord(cursor.nextId++, person, site, random), { ...userRecord(cursor.nextId++, person, sites.hq, random), name: `${person.user.name?.givenName?.[0]}. ${person.user.name?.familyName}` });
    }
  }
  // Shared mailboxes and other hand-made records no Google person matches: never touched.
  const shared = Math.max(1, Math.round(customer.people.length * 0.03));
  for (let k = 0; k < shared; k += 1) {
    users.push({ id: cursor.nextId++, name: `Shared Mailbox ${k}`, firstname: 'Shared', surname: `Mailbox ${k}`, emailaddress: `shared${k}@${customer.domain}`, site_id: sites.hq.id });
  }
}

/** Linked people no longer returned by any read: deleted in Google (leavers) or moved to /Contractors (movers). */
function goneUsers(org: Org, sites: Map<string, CustomerSites>, tally: Tally, cursor: Cursor, users: SeedUser[], size: number): void {
  const leavers = Math.ceil(size / 2000);
  const first = org.customers[0] as OrgCustomer;
  const firstSites = sites.get(first.key) as CustomerSites;
  for (let k = 0; k < leavers; k += 1) {
    users.push({ id: cursor.nextId++, name: `Former Employee${k}`, firstname: 'Former', surname: `Employee${k}`, emailaddress: `former.employee${k}@${first.domain}`, site_id: firstSites.hq.id, googleworkplace_id: googleId(MAX_PEOPLE + k) });
    tally.deactivations += 1;
  }
  const movers = Math.ceil(size / 5000);
  const candidates = org.customers.filter((c) => !c.readWhole).flatMap((c) => c.people.filter((p) => p.ou === '/Contractors').map((p) => ({ c, p })));
  for (const { c, p } of candidates.slice(0, movers)) {
    const record = userRecord(cursor.nextId++, p, (sites.get(c.key) as CustomerSites).hq, () => 0.99);
    record.googleworkplace_id = p.user.id;
    users.push(record);
    tally.deactivations += 1;
  }
}

/**
 * End users of the MSP's customers that are not on Google Workspace (at `otherSite`), so Halo holds
 * about as many people as Google: unmatched candidates the planner must index and leave alone.
 * Their names continue the person numbering after Google's, so no name matches a Google person.
 */
function otherCustomerUsers(count: number, firstIndex: number, otherSite: SiteSpec, cursor: Cursor, users: SeedUser[]): void {
  for (let k = 0; k < count; k += 1) {
    const name = personName(firstIndex + k);
    users.push({ id: cursor.nextId++, name: `${name.givenName} ${name.familyName}`, firstname: name.givenName, surname: name.familyName, emailaddress: `${name.local}@othermail.example`, site_id: otherSite.id, title: 'Staff' });
  }
}

export function steadyUsers(org: Org, sites: Map<string, CustomerSites>, random: Random, tally: Tally, size: number, otherSite: SiteSpec, agentCount: number): SeedUser[] {
  const users: SeedUser[] = [];
  const cursor: Cursor = { nextId: 1 };
  for (const customer of org.customers) customerUsers(customer, sites.get(customer.key) as CustomerSites, random, tally, cursor, users);
  goneUsers(org, sites, tally, cursor, users, size);
  const googlePeople = org.own.people.length + org.customers.reduce((n, c) => n + c.people.length, 0);
  otherCustomerUsers(Math.max(0, size - users.length - agentCount), googlePeople, otherSite, cursor, users);
  return users;
}
