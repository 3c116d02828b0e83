/** users.list `query`, one test per operator and field family, through the unmodified client. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/sandbox/server-types.js';
import { acme } from './helpers/google-acme.js';
import { directory, emails, failureOf, startWith } from './helpers/google-fixtures.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startWith({ my_customer: acme() });
});
afterAll(async () => server.close());

async function found(query: string): Promise<string[]> {
  const { data } = await directory(server).users.list({ customer: 'my_customer', query });
  return emails(data.users);
}

describe('users.list query', () => {
  it('= is an exact, case-insensitive match of the whole value', async () => {
    expect(await found("givenName='Jane'")).toEqual(['jane.smith@acme.com']);
    expect(await found('givenName=jane')).toEqual(['jane.smith@acme.com']);
    expect(await found("name='Jane Smith'")).toEqual(['jane.smith@acme.com']);
    expect(await found("name='Jane'")).toEqual([]);
  });

  it(': matches whole words in order', async () => {
    expect(await found('givenName:Jane')).toEqual(['jane.smith@acme.com', 'mj@acme.com']);
    expect(await found("name:'Jane Watson'")).toEqual(['mj@acme.com']);
    expect(await found("name:'Watson Jane'")).toEqual([]);
  });

  it(':prefix* matches a value or word start on email, givenName and familyName only', async () => {
    expect(await found('givenName:Jan*')).toEqual(['jane.smith@acme.com', 'janet.doe@acme.com', 'mj@acme.com']);
    expect(await found('email:janet*')).toEqual(['janet.doe@acme.com']);
    expect(await found('familyName:wat*')).toEqual(['mj@acme.com']);
    expect((await failureOf(directory(server).users.list({ customer: 'my_customer', query: 'orgTitle:Eng*' }))).reason).toBe('invalid');
  });

  it("takes single-quoted values with spaces and \\' escapes", async () => {
    expect(await found("familyName='O\\'Brien'")).toEqual(['bob@acme.com']);
    expect(await found("orgName='Human Resources'")).toEqual(['bob@acme.com']);
    expect(await found("familyName:'o\\'brien'")).toEqual(['bob@acme.com']);
  });

  it('matches email against the primary address and aliases', async () => {
    expect(await found("email='js@acme.com'")).toEqual(['jane.smith@acme.com']);
    expect(await found('email=JANE.SMITH@acme.com')).toEqual(['jane.smith@acme.com']);
    expect(await found('email:acme.org')).toEqual(['eve@acme.org']);
  });

  it('reads booleans with = true|false only', async () => {
    expect(await found('isAdmin=true')).toEqual(['boss@acme.com', 'jane.smith@acme.com']);
    expect(await found('isSuspended=true')).toEqual(['janet.doe@acme.com']);
    expect(await found('isArchived=true')).toEqual(['mj@acme.com']);
    expect(await found('isSuspended=false isArchived=false isAdmin=false')).toEqual(['bob@acme.com', 'eve@acme.org']);
    for (const query of ['isAdmin=yes', 'isAdmin:true']) {
      expect((await failureOf(directory(server).users.list({ customer: 'my_customer', query }))).status).toBe(400);
    }
  });

  it('orgUnitPath= covers the OU and everything under it, by path segment', async () => {
    expect(await found("orgUnitPath='/Staff'")).toEqual(['eve@acme.org', 'jane.smith@acme.com', 'janet.doe@acme.com']);
    expect(await found('orgUnitPath=/staff/sales/')).toEqual(['janet.doe@acme.com']);
    expect(await found("orgUnitPath='/Staffing'")).toEqual(['mj@acme.com']);
    expect(await found('orgUnitPath=/')).toHaveLength(6);
  });

  it('org* fields match any of a user\'s organizations', async () => {
    expect(await found("orgTitle='Sales Lead'")).toEqual(['janet.doe@acme.com']);
    expect(await found('orgTitle=recruiter')).toEqual(['bob@acme.com']);
    expect(await found("orgDepartment='R&D'")).toEqual(['jane.smith@acme.com']);
    expect(await found('orgCostCenter=CC-9')).toEqual(['bob@acme.com']);
    expect(await found('orgDescription:things')).toEqual(['jane.smith@acme.com']);
    expect(await found("orgName:'acme corp'")).toEqual(['janet.doe@acme.com']);
  });

  it('matches externalId, phone (ignoring punctuation) and the manager chain', async () => {
    expect(await found('externalId=E-100')).toEqual(['jane.smith@acme.com']);
    expect(await found('phone=+15550100001')).toEqual(['jane.smith@acme.com']);
    expect(await found('directManager=boss@acme.com')).toEqual(['jane.smith@acme.com']);
    expect(await found('manager=boss@acme.com')).toEqual(['jane.smith@acme.com', 'janet.doe@acme.com']);
    expect(await found('managerId=100')).toEqual(['jane.smith@acme.com', 'janet.doe@acme.com']);
  });

  it('searches custom schema fields with =, :, comparisons and ranges', async () => {
    expect(await found("Employment.projects:'genegnomes'")).toEqual(['jane.smith@acme.com']);
    expect(await found('Employment.level=7')).toEqual(['jane.smith@acme.com']);
    expect(await found('Employment.level>=3')).toEqual(['jane.smith@acme.com', 'janet.doe@acme.com']);
    expect(await found('Employment.level<7')).toEqual(['janet.doe@acme.com']);
    expect(await found('Employment.level:[3,7]')).toEqual(['janet.doe@acme.com']);
    expect(await found('Employment.startDate>2020-01-01')).toEqual(['jane.smith@acme.com']);
  });

  it('joins clauses with an implicit AND; a bare value searches names and email', async () => {
    expect(await found("orgUnitPath='/Staff' isAdmin=true")).toEqual(['jane.smith@acme.com']);
    expect(await found("orgUnitPath='/Staff' isAdmin=true givenName=Janet")).toEqual([]);
    expect(await found('jane')).toEqual(['jane.smith@acme.com', 'mj@acme.com']);
    expect(await found('adams')).toEqual(['eve@acme.org']);
  });

  it('answers 400 invalid "Invalid query" for unknown fields and broken syntax', async () => {
    for (const query of ['department=Sales', "givenName='Jane", 'givenName=', 'orgunitpath=/Staff', 'Employment.level>high', "name=O'Brien"]) {
      const failure = await failureOf(directory(server).users.list({ customer: 'my_customer', query }));
      expect([query, failure.status, failure.reason, failure.message]).toEqual([query, 400, 'invalid', 'Invalid query']);
    }
  });
});
