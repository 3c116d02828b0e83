import { describe, expect, it } from 'vitest';
import type { Filter } from '../../src/config/types.js';
import { pushdownFilter, quoteQueryValue } from '../../src/filter/pushdown.js';

const c = (field: string, op: string, value: unknown): Filter => ({ field, op, value }) as Filter;

describe('pushdownFilter: what Google can express exactly or as a superset', () => {
  it.each([
    ['under an OU', c('orgUnitPath', 'under', '/Staff'), "orgUnitPath='/Staff'"],
    ['under an OU with a trailing slash', c('orgUnitPath', 'under', ' /Staff/ '), "orgUnitPath='/Staff'"],
    ['equals an OU (Google adds sub-OUs: superset)', c('orgUnitPath', 'equals', '/Staff/Sales'), "orgUnitPath='/Staff/Sales'"],
    ['email equals (aliases too: superset)', c('email', 'equals', 'Jo@Acme.com'), "email='Jo@Acme.com'"],
    ['givenName equals', c('givenName', 'equals', 'Mary Ann'), "givenName='Mary Ann'"],
    ['familyName equals with a quote', c('familyName', 'equals', "O'Brien"), "familyName='O\\'Brien'"],
    ['email prefix', c('email', 'startsWith', 'jo.s'), 'email:jo.s*'],
    ['givenName prefix', c('givenName', 'startsWith', 'Jan'), 'givenName:Jan*'],
    ['title', c('title', 'equals', 'Engineer'), "orgTitle='Engineer'"],
    ['department', c('department', 'equals', 'R&D'), "orgDepartment='R&D'"],
    ['cost centre', c('costCenter', 'equals', 'CC-1'), "orgCostCenter='CC-1'"],
    ['isAdmin', c('isAdmin', 'equals', true), 'isAdmin=true'],
    ['suspended as text', c('suspended', 'equals', 'FALSE'), 'isSuspended=false'],
    ['archived', c('archived', 'equals', false), 'isArchived=false'],
  ])('%s', (_name, filter, query) => {
    expect(pushdownFilter(filter)).toEqual({ query, needsFullProjection: false });
  });

  it.each([
    ['OR', { any: [c('orgUnitPath', 'under', '/A'), c('orgUnitPath', 'under', '/B')] }],
    ['notEquals', c('orgUnitPath', 'notEquals', '/A')],
    ['matches', c('email', 'matches', '^jo')],
    ['endsWith', c('email', 'endsWith', '@acme.com')],
    ['contains', c('givenName', 'contains', 'an')],
    ['in', c('givenName', 'in', ['Jo', 'Al'])],
    ['memberOf', c('group', 'memberOf', 'staff@acme.com')],
    ['domain', c('domain', 'equals', 'acme.com')],
    ['startsWith on an OU path (a string prefix, not a path segment)', c('orgUnitPath', 'startsWith', '/Staff')],
    ['the root OU (no narrowing)', c('orgUnitPath', 'under', '/')],
    ['a relative OU path', c('orgUnitPath', 'under', 'Staff')],
    ['an empty value (matches absent fields locally)', c('givenName', 'equals', '  ')],
    ['an email without @', c('email', 'equals', 'jo')],
    ['a prefix with a space', c('givenName', 'startsWith', 'Mary A')],
    ['a prefix with a quote', c('familyName', 'startsWith', "O'B")],
    ['a boolean notEquals', c('suspended', 'notEquals', true)],
  ])('keeps local: %s', (_name, filter) => {
    expect(pushdownFilter(filter as Filter).query).toBeUndefined();
  });

  it('pushes the conjuncts of nested all, drops OR branches, and orders clauses canonically', () => {
    const filter: Filter = {
      all: [
        c('suspended', 'equals', false),
        { any: [c('title', 'equals', 'A'), c('title', 'equals', 'B')] },
        { all: [c('orgUnitPath', 'under', '/Staff'), { any: [c('givenName', 'equals', 'Jo')] }] },
      ],
    };
    expect(pushdownFilter(filter).query).toBe("orgUnitPath='/Staff' givenName='Jo' isSuspended=false");
  });

  it('pushes one clause per Google field, the most selective', () => {
    const filter: Filter = { all: [c('orgUnitPath', 'under', '/Staff'), c('orgUnitPath', 'under', '/Staff/Sales'), c('email', 'startsWith', 'jo'), c('email', 'equals', 'jo@a.com')] };
    expect(pushdownFilter(filter).query).toBe("orgUnitPath='/Staff/Sales' email='jo@a.com'");
  });

  it('asks for projection=full when a custom schema field is used anywhere, and never pushes it', () => {
    const filter: Filter = { any: [c('customSchemas.Emp.level', 'equals', '3'), c('email', 'equals', 'a@b.c')] };
    expect(pushdownFilter(filter)).toEqual({ needsFullProjection: true });
    expect(pushdownFilter({ all: [c('customSchemas.Emp.level', 'equals', '3'), c('isAdmin', 'equals', true)] })).toEqual({
      query: 'isAdmin=true',
      needsFullProjection: true,
    });
  });

  it('no filter pushes nothing', () => {
    expect(pushdownFilter(undefined)).toEqual({ needsFullProjection: false });
  });

  it('quotes with single quotes and escapes quote and backslash', () => {
    expect(quoteQueryValue("a'b\\c")).toBe("'a\\'b\\\\c'");
    expect(pushdownFilter(c('orgUnitPath', 'under', "/It's\\x")).query).toBe("orgUnitPath='/It\\'s\\\\x'");
  });
});
