/** A small, varied directory for query tests: each person exists to make one operator's edge visible. */
import type { DirectoryUser } from '../../../src/model/directory.js';
import type { SeedCustomer } from '../../../src/sandbox/seed-types.js';
import { customer, person } from './google-fixtures.js';

export const boss = person('100', 'boss@acme.com', 'Big', 'Boss', { isAdmin: true });
export const jane = person('101', 'jane.smith@acme.com', 'Jane', 'Smith', {
  aliases: ['js@acme.com'],
  orgUnitPath: '/Staff',
  isAdmin: true,
  organizations: [{ title: 'Engineer', department: 'R&D', costCenter: 'CC-1', description: 'Builds things', primary: true }],
  externalIds: [{ value: 'E-100', type: 'organization' }],
  phones: [{ value: '+1 (555) 010-0001', type: 'work' }],
  relations: [{ type: 'manager', value: 'boss@acme.com' }],
  customSchemas: { Employment: { level: 7, projects: [{ value: 'GeneGnomes' }], startDate: '2020-05-01' } },
});
export const janet = person('102', 'janet.doe@acme.com', 'Janet', 'Doe', {
  orgUnitPath: '/Staff/Sales',
  suspended: true,
  organizations: [{ name: 'Acme Corp', title: 'Sales Lead', department: 'Sales' }],
  relations: [{ type: 'manager', value: 'jane.smith@acme.com' }],
  customSchemas: { Employment: { level: 3 } },
});
export const maryJane = person('103', 'mj@acme.com', 'Mary Jane', 'Watson', { orgUnitPath: '/Staffing', archived: true });
export const bob = person('104', 'bob@acme.com', 'Bob', "O'Brien", {
  orgUnitPath: '/Contractors',
  organizations: [{ name: 'Human Resources' }, { title: 'Recruiter', costCenter: 'CC-9' }],
});
export const eve = person('105', 'eve@acme.org', 'Eve', 'Adams', { orgUnitPath: '/Staff' });
export const gone = { ...person('106', 'gone@acme.com', 'Gone', 'Away'), deletionTime: '2024-01-01T00:00:00.000Z' } as DirectoryUser;

export const ACME_USERS = [boss, jane, janet, maryJane, bob, eve, gone];
export const LIVE = [boss, jane, janet, maryJane, bob, eve];

export const acme = (): SeedCustomer => customer('C0own1', 'acme.com', ACME_USERS);
export const other = (): SeedCustomer =>
  customer('C0other', 'other.example', [person('200', 'xavier@other.example', 'Xavier', 'Other')]);
