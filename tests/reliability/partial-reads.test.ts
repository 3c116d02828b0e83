/**
 * Partial reads end to end (CLI over the sandbox, tests/reliability/partial-world.ts): a customer's
 * directory refusing, a customer's directory answering an HTML 502 page on every retry, a group
 * read failing after retries, and a users page failing after retries in the middle of paging. In
 * each case the plan deactivates nobody and removes no role or CAB seat in the affected scope, says
 * why in an `incomplete-read` warning, plans the other scopes as usual, `apply --yes` leaves the
 * affected records exactly as they were, and (where the fault can be lifted) the next complete run
 * makes the changes that were held back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ScriptedAnswerRule } from '../../src/sandbox/google/scripted.js';
import { planJson, startWorld, type Json, type World } from '../e2e/world.js';
import { googleFaults } from '../helpers/sandbox-controls.js';
import { ALDER, BIRCH, PARTIAL_CONFIG, partialSeed } from './partial-world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const MEMBERS = 'GET /admin/directory/v1/groups/{groupKey}/members';
const USERS = 'GET /admin/directory/v1/users';

/** The changes a complete read plans, as `action email` (+ removed roles / seats). */
const COMPLETE = [
  'cabs eng2@own.example -Change CAB',
  'create b-new@birch.example',
  'deactivate a2@alder.example',
  'deactivate a3@alder.example',
  'deactivate b2@birch.example',
  'deactivate eng3@own.example',
  'deactivate eng4@own.example',
  'roles eng2@own.example -Administrator',
  'roles eng4@own.example -Administrator',
];

function lines(plan: Json): string[] {
  return (plan.changes as Json[])
    .filter((c) => !/^staff\d+@/.test(c.email))
    .map((c) => {
      const removed = [...(c.roles?.remove ?? []), ...(c.cabs?.remove ?? [])].map((r: string) => ` -${r}`).join('');
      return `${c.action} ${c.email}${removed}`;
    })
    .sort();
}

interface Case {
  name: string;
  start: () => Promise<World>;
  /** Lines of COMPLETE the fault must hold back. */
  held: string[];
  /** Halo records (kind, id) that must come out of apply exactly as they went in. */
  untouched: Array<['users' | 'agents', number]>;
  /** The warning must say this. */
  why: RegExp;
  /** Whom the warning names as held back. */
  heldPeople: string[];
  /** Lifts the fault (absent: it cannot be lifted in this world). */
  lift?: (w: World) => Promise<void>;
}

async function withGoogleFault(rules: ScriptedAnswerRule[]): Promise<World> {
  const w = await startWorld({ seed: partialSeed(), config: PARTIAL_CONFIG });
  await googleFaults(w.sandbox, rules);
  return w;
}
const liftGoogle = async (w: World) => void (await fetch(`${w.sandbox.google.url}/_sandbox/faults`, { method: 'DELETE' }));

const CASES: Case[] = [
  {
    name: "a customer's directory refusing (403, reseller access withdrawn)",
    start: () => startWorld({ seed: { ...partialSeed(), simulate: { googleForbiddenCustomers: [ALDER] } }, config: PARTIAL_CONFIG }),
    held: ['deactivate a2@alder.example', 'deactivate a3@alder.example'],
    untouched: [['users', 1], ['users', 2], ['users', 3]],
    why: new RegExp(`directory read "${ALDER}\\|\\*" \\(customer ${ALDER}\\) is incomplete: Google API GET /admin/directory/v1/users failed \\(403\\)`),
    heldPeople: ['a3@alder.example'],
  },
  {
    name: "a customer's directory answering an HTML 502 page on every retry",
    start: () => withGoogleFault([{ endpoint: USERS, urlIncludes: `customer=${ALDER}`, status: 502, contentType: 'text/html', body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>', times: 1000 }]),
    held: ['deactivate a2@alder.example', 'deactivate a3@alder.example'],
    untouched: [['users', 1], ['users', 2], ['users', 3]],
    why: new RegExp(`\\(customer ${ALDER}\\) is incomplete: Google API GET /admin/directory/v1/users failed \\(502\\)`),
    heldPeople: ['a2@alder.example', 'a3@alder.example'],
    lift: liftGoogle,
  },
  {
    name: 'a group read failing after retries (503)',
    start: () => withGoogleFault([{ endpoint: MEMBERS, urlIncludes: 'admins@own.example', status: 503, times: 1000 }]),
    held: ['deactivate eng4@own.example', 'roles eng2@own.example -Administrator', 'roles eng4@own.example -Administrator'],
    untouched: [['agents', 12], ['agents', 14]],
    why: /group admins@own\.example is incomplete: Google API GET \/admin\/directory\/v1\/groups\/admins@own\.example\/members failed \(503\)/,
    heldPeople: ['eng2@own.example', 'eng4@own.example'],
    lift: liftGoogle,
  },
  {
    name: 'a users page failing after retries in the middle of paging (503 on page 2)',
    start: () => withGoogleFault([{ endpoint: USERS, urlIncludes: 'pageToken=', status: 503, times: 1000 }]),
    held: ['deactivate b2@birch.example'],
    untouched: [['users', 11], ['users', 12]],
    why: new RegExp(`directory read "${BIRCH}\\|\\*" \\(customer ${BIRCH}\\) is incomplete: Google API GET /admin/directory/v1/users failed \\(503\\)`),
    heldPeople: ['b2@birch.example'],
    lift: liftGoogle,
  },
];

describe('partial reads deactivate and remove nobody in the affected scope', () => {
  it('control: complete reads plan every deactivation and removal the faults below must hold back', async () => {
    world = await startWorld({ seed: partialSeed(), config: PARTIAL_CONFIG });
    const plan = await planJson(world);
    expect(lines(plan)).toEqual(COMPLETE);
    expect(plan.warnings.map((w: Json) => w.code)).not.toContain('incomplete-read');
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    world = await c.start();
    const plan = await planJson(world);
    // Exactly the affected scope's deactivations and removals are missing; the rest plans as usual.
    expect(lines(plan)).toEqual(COMPLETE.filter((l) => !c.held.includes(l)));
    const warning = (plan.warnings as Json[]).find((w) => w.code === 'incomplete-read' && c.why.test(w.message));
    expect(warning, JSON.stringify(plan.warnings, null, 1)).toBeDefined();
    expect(warning.message).toContain('nobody missing from it is treated as gone');
    for (const who of c.heldPeople) expect(warning.message).toContain(who);

    // The text plan says why, too.
    const text = await world.run(['plan']);
    expect(text.stdout).toMatch(c.why);
    expect(text.stdout).not.toMatch(/<html|<h1>/i); // an HTML error page is summarised, not pasted

    const before = await world.state();
    const apply = await world.run(['apply', '--yes']);
    expect(apply.code, apply.stdout.slice(-1500)).toBe(0);
    const after = await world.state();
    for (const [kind, id] of c.untouched) {
      const find = (s: Json) => (s[kind] as Json[]).find((r) => r.id === id);
      expect(find(after), `${kind} #${id}`).toEqual(find(before));
    }
    // The other scopes were applied: all that is not held back is done.
    expect(lines(await planJson(world))).toEqual([]);

    if (!c.lift) return;
    await c.lift(world);
    const complete = await planJson(world);
    expect(lines(complete)).toEqual(c.held); // held back, not lost: the next complete run does it
  });
});
