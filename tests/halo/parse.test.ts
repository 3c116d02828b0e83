import { describe, expect, it } from 'vitest';
import { HaloApiError } from '../../src/halo/index.js';
import { normalizeAgent, normalizeCab, normalizeControl, normalizeRole, normalizeSite, normalizeUser } from '../../src/halo/normalize.js';
import { extractList, parseJson } from '../../src/halo/parse.js';

const origin = { method: 'GET', path: '/api/Users' };

function failure(fn: () => unknown): HaloApiError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(HaloApiError);
    return error as HaloApiError;
  }
  throw new Error('expected a HaloApiError');
}

describe('parseJson', () => {
  it('names the call for truncated JSON, HTML with status 200 and empty bodies', () => {
    expect(failure(() => parseJson('{"users": [{"id": 1}', null, origin)).message).toMatch(/^Halo API GET \/api\/Users returned invalid JSON \(truncated\?\)/);
    expect(failure(() => parseJson('<html><title>Sign in</title></html>', 'text/html', origin)).message).toMatch(/returned an HTML page instead of JSON \("Sign in"\)/);
    expect(failure(() => parseJson('  ', null, origin)).message).toContain('an empty body');
    expect(parseJson('[1]', 'application/json', origin)).toEqual([1]);
  });
});

describe('extractList', () => {
  it('accepts a bare array or the named wrapper, with record_count and page_size', () => {
    expect(extractList([{ id: 1 }], 'agents', origin).records).toHaveLength(1);
    expect(extractList({ page_no: 1, page_size: 50, record_count: 3, users: [{ id: 1 }] }, 'users', origin)).toEqual({
      records: [{ id: 1 }],
      recordCount: 3,
      pageSize: 50,
    });
    expect(extractList({ records: [], record_count: 0 }, 'cabs', origin).records).toEqual([]);
  });

  it('refuses a missing wrapper, a list that is not a list, and scalars', () => {
    expect(failure(() => extractList({ sites: [] }, 'users', origin)).message).toContain('an object without a "users" list (keys: sites)');
    expect(failure(() => extractList({ users: { id: 1 } }, 'users', origin)).message).toContain('"users" as an object, not a list');
    expect(failure(() => extractList(null, 'users', origin)).message).toContain('null where a list of users was expected');
  });
});

describe('record normalisation', () => {
  it('keeps unknown fields, makes ids numbers and empty identity fields null', () => {
    const user = normalizeUser({ id: '12', site_id: '3', googleworkplace_id: '', emailaddress: 'a@b.example', other5: 'x', customfields: [{ id: '7', value: 'E1' }] }, 0, origin);
    expect(user).toMatchObject({ id: 12, site_id: 3, googleworkplace_id: null, other5: 'x', customfields: [{ id: 7, value: 'E1' }] });
  });

  it('refuses null or non-numeric ids and wrong types, naming the record', () => {
    expect(failure(() => normalizeUser({ id: null, name: 'X' }, 4, origin)).message).toBe(
      'Halo API GET /api/Users returned user #5 with id null (expected a whole number)',
    );
    expect(failure(() => normalizeUser({ id: 'abc' }, 0, origin)).message).toContain('id string "abc"');
    expect(failure(() => normalizeUser({ id: 1, customfields: 'x' }, 0, origin)).message).toContain('customfields as a non-list');
    expect(failure(() => normalizeUser('nope', 0, origin)).message).toContain('user #1 as string');
    expect(failure(() => normalizeUser({ id: 1, site_id: { x: 1 } }, 0, origin)).message).toContain('site_id as an object');
  });

  it('agents: role ids become strings; the agent id field is text or null', () => {
    const agent = normalizeAgent({ id: 5, third_party_guid: 123456, roles: [{ id: 'aaaa-1', name: 'Technician' }, { id: 42 }] }, 0, origin, 'third_party_guid');
    expect(agent.third_party_guid).toBe('123456');
    expect(agent.roles).toEqual([{ id: 'aaaa-1', name: 'Technician' }, { id: '42', name: null }]);
    expect(failure(() => normalizeAgent({ id: 5, roles: [{ name: 'x' }] }, 0, origin, 'third_party_guid')).message).toContain('without an id');
    expect(failure(() => normalizeAgent({ id: 5, third_party_guid: { a: 1 } }, 0, origin, 'third_party_guid')).message).toContain('third_party_guid as an object');
  });

  it('sites, roles, CABs and Control', () => {
    expect(normalizeSite({ id: 3, name: null, client_id: '2', inactive: true }, 0, origin)).toEqual({ id: 3, name: '', client_id: 2, inactive: true });
    expect(normalizeRole({ id: 'g-1', name: 'Admin', concurrencyStamp: 'x' }, 0, origin)).toEqual({ id: 'g-1', name: 'Admin' });
    expect(normalizeCab({ id: 1, name: 'CAB', members: null }, 0, origin).members).toEqual([]);
    expect(normalizeCab({ id: 1, name: 'CAB', members: [{ agent_id: '9', role_name: 'x' }] }, 0, origin).members).toEqual([{ agent_id: 9, role_name: 'x' }]);
    expect(normalizeControl([{ enablegooglesso: false }], origin)).toEqual({ enablegooglesso: false });
    expect(failure(() => normalizeControl('x', origin)).message).toContain('the settings as string');
  });
});
