/**
 * The Halo record index (src/plan/match.ts) was rewritten for speed (no identity object per
 * record, one linked entry per Google id). It must answer exactly what the straightforward index
 * answered: the same linked records per id, the same email and name candidates, the same managed
 * count and the same match outcome for any person, including records sharing a Halo id or coming
 * unsorted (the slow path: the last record of an id decides its identity).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchKey } from '../../src/config/types.js';
import type { DirectoryUser } from '../../src/model/directory.js';
import { byId, indexRecords, linkedList, matchPerson, recordNameKey, type HaloRecord, type MatchOutcome } from '../../src/plan/match.js';
import { foldEmail, recordIdentity, type RecordIdentity } from '../../src/plan/text.js';

/** The index as it was: identity per Halo id, lists per key. */
function reference(records: readonly HaloRecord[], idField: string, emailField: string) {
  const linked = new Map<string, HaloRecord[]>();
  const byEmail = new Map<string, HaloRecord[]>();
  const byName = new Map<string, HaloRecord[]>();
  const identity = new Map<number, RecordIdentity>();
  const push = (map: Map<string, HaloRecord[]>, key: string, r: HaloRecord) => map.set(key, [...(map.get(key) ?? []), r]);
  for (const record of records) {
    const it = recordIdentity(record, idField);
    identity.set(record.id, it);
    if (it.kind === 'google') {
      push(linked, it.googleId, record);
      continue;
    }
    const email = foldEmail(record[emailField]);
    if (email !== '') push(byEmail, email, record);
    const name = recordNameKey(record);
    if (name !== '') push(byName, name, record);
  }
  const match = (user: DirectoryUser, keys: readonly MatchKey[]): MatchOutcome => {
    const found = linked.get(user.id);
    if (found) return found.length === 1 ? { kind: 'id', record: found[0]! } : { kind: 'duplicate-link', records: byId(found) };
    for (const key of keys) {
      const wanted = key === 'email' ? foldEmail(user.primaryEmail) : recordNameKey({ id: 0, firstname: user.name?.givenName, surname: user.name?.familyName, name: user.name?.fullName });
      if (wanted === '') continue;
      const list = (key === 'email' ? byEmail : byName).get(wanted);
      if (!list || list.length === 0) continue;
      if (list.length > 1) return { kind: 'ambiguous', key, candidates: byId(list) };
      const record = list[0]!;
      const it = identity.get(record.id);
      if (it?.kind === 'foreign') return { kind: 'foreign', key, record, value: it.value };
      return { kind: 'matched', key, record };
    }
    return { kind: 'none', tried: keys };
  };
  const managed = [...identity.values()].filter((i) => i.kind === 'google').length;
  return { linked, byEmail, byName, managed, match };
}

const idValue = fc.oneof(fc.constant(undefined), fc.constant(''), fc.constant('  '), fc.constantFrom('101', '102', ' 103 ', '104'), fc.constant(105), fc.constantFrom('AAD-1', 'x9', '12a'));
const email = fc.oneof(fc.constant(undefined), fc.constantFrom('ann@acme.test', 'ANN@acme.test ', 'bob@acme.test', ''));
const namePart = fc.oneof(fc.constant(undefined), fc.constantFrom('Ann', 'Bob', ' ann ', 'Lee'));
const record = fc.record({ id: fc.integer({ min: 1, max: 12 }), guid: idValue, emailaddress: email, firstname: namePart, surname: namePart, name: fc.oneof(fc.constant(undefined), fc.constantFrom('Ann Lee', 'Bob')) })
  .map(({ guid, ...r }) => ({ ...r, ...(guid === undefined ? {} : { guid }) }) as HaloRecord);
const records = fc.array(record, { maxLength: 14 }).chain((list) => fc.constantFrom(list, [...list].sort((a, b) => a.id - b.id)));
const user = fc.record({ id: fc.constantFrom('101', '102', '103', '104', '105', '999'), primaryEmail: fc.constantFrom('ann@acme.test', 'bob@acme.test', 'cy@acme.test'), name: fc.record({ givenName: namePart, familyName: namePart }) })
  .map((u) => u as DirectoryUser);
const keys = fc.constantFrom<MatchKey[]>(['email'], ['name'], ['email', 'name'], ['name', 'email'], []);

describe('indexRecords and matchPerson', () => {
  it('answer what the straightforward index answers, sorted or not, ids unique or not', () => {
    fc.assert(fc.property(records, fc.array(user, { maxLength: 4 }), keys, (list, users, matchKeys) => {
      const index = indexRecords(list, 'guid', 'emailaddress');
      const ref = reference(list, 'guid', 'emailaddress');
      expect(new Map([...index.linked].map(([id, l]) => [id, linkedList(l)]))).toEqual(ref.linked);
      expect(index.byEmail).toEqual(ref.byEmail);
      expect(index.byName).toEqual(ref.byName);
      expect(index.managed).toBe(ref.managed);
      for (const u of users) expect(matchPerson(u, index, matchKeys)).toEqual(ref.match(u, matchKeys));
    }), { numRuns: 2000 });
  });
});
