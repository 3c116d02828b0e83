/** The pure query engine: parser tables, matcher edges and properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGroupQuery, parseUserQuery, userMatchesQuery } from '../../src/sandbox/google/index.js';
import type { UserQueryClause } from '../../src/sandbox/google/index.js';
import type { SeedCustomer } from '../../src/sandbox/seed-types.js';
import { person } from './helpers/google-fixtures.js';

const quote = (v: string): string => `'${v.replace(/[\\']/g, (c) => `\\${c}`)}'`;

function clauses(query: string): UserQueryClause[] {
  const parsed = parseUserQuery(query);
  if (!parsed.ok) throw new Error(`did not parse: ${parsed.message}`);
  return parsed.clauses;
}

describe('parseUserQuery', () => {
  it('types each clause by field', () => {
    expect(clauses("givenName:Jan* orgUnitPath='/Sales Team' isSuspended=FALSE Emp.level:[1,5] bob")).toEqual([
      { kind: 'text', field: 'givenName', op: 'prefix', value: 'Jan' },
      { kind: 'orgUnit', path: '/Sales Team' },
      { kind: 'boolean', field: 'isSuspended', value: false },
      { kind: 'custom', schema: 'Emp', field: 'level', op: 'range', value: '', min: '1', max: '5' },
      { kind: 'any', value: 'bob' },
    ]);
    expect(clauses('')).toEqual([]);
    expect(clauses("  email='a\\\\b'  ")).toEqual([{ kind: 'text', field: 'email', op: '=', value: 'a\\b' }]);
  });

  it.each([
    ['unknown field', 'title=Boss'],
    ['unterminated quote', "givenName='Jane"],
    ['text after a quote', "givenName='Jane'x"],
    ['stray quote', "name=O'Brien"],
    ['empty value', 'givenName='],
    ['prefix on a field without it', 'name:Ja*'],
    ['operator a field lacks', 'phone:555'],
    ['boolean not true/false', 'isAdmin=1'],
    ['orgUnitPath with :', 'orgUnitPath:/Staff'],
    ['range on a built-in field', 'givenName:[a,b]'],
    ['half a range', 'Emp.level:[1,]'],
    ['comparison with a word', 'Emp.level>=high'],
    ['prefix on a custom field', 'Emp.code:ab*'],
  ])('refuses %s', (_why, query) => {
    expect(parseUserQuery(query).ok).toBe(false);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (query) => {
        const parsed = parseUserQuery(query);
        expect(typeof parsed.ok).toBe('boolean');
      }),
    );
  });

  it('round-trips any quoted value', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), (value) => {
        expect(clauses(`familyName=${quote(value)}`)).toEqual([{ kind: 'text', field: 'familyName', op: '=', value }]);
      }),
    );
  });
});

describe('parseGroupQuery', () => {
  it('takes email/name with = or :prefix* and memberKey alone', () => {
    expect(parseGroupQuery("email:sales* name='All Staff'").ok).toBe(true);
    expect(parseGroupQuery('memberKey=jane@acme.com').ok).toBe(true);
    for (const bad of ['memberKey=a@b.c email=x@b.c', 'description=x', 'sales', 'name:All']) {
      expect([bad, parseGroupQuery(bad).ok]).toEqual([bad, false]);
    }
  });
});

describe('userMatchesQuery', () => {
  const dir: SeedCustomer = { id: 'C1', domain: 'd.example', users: [] };

  it('matches any quoted value exactly, ignoring case', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (value) => {
        const user = person('1', 'a@d.example', 'G', value);
        expect(userMatchesQuery(user, clauses(`familyName=${quote(value.toUpperCase())}`), dir)).toBe(
          value.toUpperCase().toLowerCase() === value.toLowerCase(),
        );
      }),
    );
  });

  it('orgUnitPath covers sub-OUs by path segment, never by string prefix', () => {
    const segment = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,6}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.array(segment, { maxLength: 2 }), segment, (base, below, suffix) => {
        const ou = `/${base.join('/')}`;
        const query = clauses(`orgUnitPath=${quote(ou)}`);
        const inside = person('1', 'a@d.example', 'A', 'B', { orgUnitPath: [ou, ...below].join('/') });
        const sibling = person('2', 'b@d.example', 'A', 'B', { orgUnitPath: `${ou}${suffix}` });
        expect(userMatchesQuery(inside, query, dir)).toBe(true);
        expect(userMatchesQuery(sibling, query, dir)).toBe(false);
      }),
    );
  });

  it('walks the manager chain without looping on cycles', () => {
    const a = person('1', 'a@d.example', 'A', 'A', { relations: [{ type: 'manager', value: 'b@d.example' }] });
    const b = person('2', 'b@d.example', 'B', 'B', { relations: [{ type: 'manager', value: 'a@d.example' }] });
    const loop: SeedCustomer = { id: 'C2', domain: 'd.example', users: [a, b] };
    expect(userMatchesQuery(a, clauses('manager=b@d.example'), loop)).toBe(true);
    expect(userMatchesQuery(a, clauses('manager=c@d.example'), loop)).toBe(false);
    expect(userMatchesQuery(a, clauses('directManagerId=2'), loop)).toBe(true);
  });

  it('needs every clause (implicit AND)', () => {
    const user = person('1', 'a@d.example', 'Ann', 'Lee', { isAdmin: true });
    expect(userMatchesQuery(user, clauses('givenName=Ann isAdmin=true'), dir)).toBe(true);
    expect(userMatchesQuery(user, clauses('givenName=Ann isAdmin=false'), dir)).toBe(false);
  });
});
