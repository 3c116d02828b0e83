/**
 * The shape of a synthetic MSP before it is written as a seed and a config: its own staff (the
 * agents) and its customers' directories (the end users), each person placed in an OU, with the
 * groups the config names. Deterministic: the same (size, seed) gives the same organisation.
 *
 * Proportions (see README): own staff 2 % of N (at least 30); customers N / 2,000 (3 to 60) of
 * Zipf-like sizes; customer OUs HQ (+ sub-OUs) 50 %, Branch 28 %, Remote 10 %, Contractors 12 %;
 * 1 % suspended. Every third customer has a Remote mapping whose filter is an `any` (not pushable),
 * so that customer's directory is read whole; the others are read by OU (`orgUnitPath='…'`).
 */
import type { DirectoryUser } from '../../src/model/directory.js';
import type { Random } from '../../src/sandbox/prng.js';
import type { SeedGroup } from '../../src/sandbox/seed-types.js';
import { customerName, googleId, MAX_CUSTOMERS, personName } from './names.js';

export interface Person {
  index: number;
  user: DirectoryUser;
  ou: string;
}

export interface OrgCustomer {
  /** Seed key (`my_customer` or the id) = the config's `customer`. */
  key: string;
  id: string;
  name: string;
  slug: string;
  domain: string;
  people: Person[];
  groups: SeedGroup[];
  /** true: its mappings include an `any` filter, so its directory is read whole. */
  readWhole: boolean;
}

export interface Org {
  own: OrgCustomer;
  customers: OrgCustomer[];
}

export const OWN_DOMAIN = 'meridianit.example';

const OWN_OUS: Array<[string, number, string, string]> = [
  ['/Leadership', 0.04, 'Director', 'Leadership'],
  ['/Service Desk', 0.46, 'Service Desk Analyst', 'Service Desk'],
  ['/Engineering', 0.28, 'Systems Engineer', 'Engineering'],
  ['/Engineering/Graduates', 0.05, 'Graduate Engineer', 'Engineering'],
  ['/Sales', 0.1, 'Account Manager', 'Sales'],
  ['/Finance', 0.07, 'Accountant', 'Finance'],
];

const CUSTOMER_OUS: Array<[string, number, string, string]> = [
  ['/Offices/HQ', 0.3, 'Office Manager', 'Operations'],
  ['/Offices/HQ/Finance', 0.1, 'Accountant', 'Finance'],
  ['/Offices/HQ/Operations', 0.1, 'Coordinator', 'Operations'],
  ['/Offices/Branch', 0.28, 'Associate', 'Branch'],
  ['/Remote', 0.1, 'Consultant', 'Field'],
  ['/Contractors', 0.12, 'Contractor', 'External'],
];

function pick(random: Random, table: Array<[string, number, string, string]>): [string, number, string, string] {
  let r = random();
  for (const row of table) {
    r -= row[1];
    if (r < 0) return row;
  }
  return table[table.length - 1] as [string, number, string, string];
}

export function ownStaffCount(size: number): number {
  return Math.max(30, Math.round(size * 0.02));
}

export function customerCount(size: number): number {
  return Math.min(60, Math.max(3, Math.round(size / 2000)), MAX_CUSTOMERS);
}

function makePerson(index: number, domain: string, customerId: string, ou: [string, number, string, string], random: Random): Person {
  const name = personName(index);
  const phone = String(index % 10_000).padStart(4, '0');
  const user: DirectoryUser = {
    id: googleId(index),
    primaryEmail: `${name.local}@${domain}`,
    customerId,
    name: { givenName: name.givenName, familyName: name.familyName },
    orgUnitPath: ou[0],
    organizations: [{ title: random() < 0.2 ? `Senior ${ou[2]}` : ou[2], department: ou[3], primary: true }],
    phones: [{ type: 'work', value: `+1 207-555-${phone}` }, { type: 'mobile', value: `+1 207-556-${phone}` }],
    customSchemas: { Employment: { employeeNumber: `E-${String(index).padStart(6, '0')}` } },
  };
  if (random() < 0.01) user.suspended = true;
  return { index, user, ou: ou[0] };
}

function group(id: string, email: string, users: Person[], nested: string[] = []): SeedGroup {
  return {
    id,
    email,
    name: email.split('@')[0],
    members: [
      ...nested.map((g) => ({ email: g, type: 'GROUP' as const })),
      ...users.map((p) => ({ email: p.user.primaryEmail, type: 'USER' as const })),
    ],
  };
}

/** A deterministic share of `people`: those whose draw falls under `fraction`. */
function share(people: Person[], fraction: number, random: Random): Person[] {
  return people.filter(() => random() < fraction);
}

function buildOwn(size: number, random: Random, next: () => number): OrgCustomer {
  const id = 'C0mrdn001';
  const people = Array.from({ length: ownStaffCount(size) }, () => makePerson(next(), OWN_DOMAIN, id, pick(random, OWN_OUS), random));
  const inOu = (ou: string) => people.filter((p) => p.ou === ou);
  const g = (local: string) => `${local}@${OWN_DOMAIN}`;
  const desk = inOu('/Service Desk');
  const engineering = inOu('/Engineering');
  const groups = [
    group('g-own-01', g('leadership'), inOu('/Leadership')),
    group('g-own-02', g('halo-agents'), share(inOu('/Sales'), 0.2, random), [g('leadership')]),
    group('g-own-03', g('service-desk-leads'), share(desk, 0.08, random)),
    group('g-own-04', g('senior-engineers'), share(engineering, 0.4, random)),
    group('g-own-05', g('escalations'), share(desk, 0.1, random), [g('senior-engineers')]),
    group('g-own-06', g('it-admins'), share(engineering, 0.1, random)),
    group('g-own-07', g('change-approvers'), share(desk, 0.05, random), [g('it-admins'), g('leadership')]),
    group('g-own-08', g('security-reviewers'), share(engineering, 0.05, random), [g('it-admins')]),
  ];
  return { key: 'my_customer', id, name: 'Meridian IT', slug: 'meridian', domain: OWN_DOMAIN, people, groups, readWhole: true };
}

function customerSizes(total: number, count: number): number[] {
  const weights = Array.from({ length: count }, (_, c) => 1 / (c + 1) ** 0.7);
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(5, Math.floor((total * w) / sum)));
  sizes[0] = Math.max(5, (sizes[0] as number) + total - sizes.reduce((a, b) => a + b, 0));
  return sizes;
}

function buildCustomer(c: number, people: number, random: Random, next: () => number): OrgCustomer {
  const { name, domain } = customerName(c);
  const id = `C0${String(c + 1).padStart(3, '0')}bnch`;
  const members = Array.from({ length: people }, () => makePerson(next(), domain, id, pick(random, CUSTOMER_OUS), random));
  const readWhole = c % 3 === 2;
  const groups: SeedGroup[] = [];
  if (readWhole) {
    // remote-staff@ holds the Remote OU and, nested, a field team of contractors.
    const field = share(members.filter((p) => p.ou === '/Contractors'), 0.3, random);
    groups.push(group(`g-${id}-2`, `field-team@${domain}`, field));
    groups.push(group(`g-${id}-1`, `remote-staff@${domain}`, members.filter((p) => p.ou === '/Remote'), [`field-team@${domain}`]));
  }
  const slug = domain.replace(/\.example$/, '');
  return { key: id, id, name, slug, domain, people: members, groups, readWhole };
}

/** `customers`: how many customer directories (default customerCount(size)), to study many-customer MSPs. */
export function buildOrg(size: number, random: Random, customerDirectories?: number): Org {
  let counter = 0;
  const next = () => counter++;
  const own = buildOwn(size, random, next);
  const count = Math.min(customerDirectories ?? customerCount(size), MAX_CUSTOMERS);
  const sizes = customerSizes(Math.max(size - own.people.length, count * 5), count);
  const customers = sizes.map((people, c) => buildCustomer(c, people, random, next));
  return { own, customers };
}
