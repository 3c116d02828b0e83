/** `halo-sync explain EMAIL` end to end on the example sandbox: the same reads and planner as plan. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig, exampleSeed, startWorld, type World } from '../e2e/world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world.close());

describe('halo-sync explain', () => {
  it('says which mapping placed a person, the clauses that decided it, and the planned changes', async () => {
    const run = await world.run(['explain', 'rachel.kim@harbordental.example']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('mapping "harbor-main-clinic": placed them');
    expect(run.stdout).toMatch(/✓ orgUnitPath under \/Clinics\/Main/);
    expect(run.stdout).toMatch(/mapping "harbor-eastside": does not match[\s\S]*✗ orgUnitPath under \/Clinics\/Eastside \(is \/Clinics\/Main\)/);
    expect(run.stdout).toMatch(/matched by email/i);
    expect(run.stdout).toMatch(/Planned changes[\s\S]*link[\s\S]*update/);
  });

  it('shows the failing clause for someone every mapping leaves out (a Keystone contractor)', async () => {
    const run = await world.run(['explain', 'kevin.doyle@keystonelegal.example']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("mapping \"harbor-main-clinic\": not considered: it reads customer C03hrbr01's directory, this person is in C04kystn1");
    expect(run.stdout).toMatch(/mapping "keystone-head-office": does not match\n.*✗ all of:\n.*✓ domain equals keystonelegal\.example.*\n.*✗ orgUnitPath notEquals \/Contractors \(is \/Contractors\)/);
    expect(run.stdout).toContain('→ no users mapping places them');
  });

  it('explains an ambiguous match: the person is skipped, with both Halo candidates named', async () => {
    const run = await world.run(['explain', 'lucy.tran@harbordental.example']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ambiguous email match \(Halo users #103, #104\): skipped/);
    expect(run.stdout).toMatch(/Planned changes\n {2}none/);
  });

  it('an agent: roles with the groups that grant them, and the licence verdict', async () => {
    const run = await world.run(['explain', 'grace.mensah@brightwater.example']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Agents import');
    expect(run.stdout).toMatch(/Senior Technician: not a member of escalations@brightwater\.example/);
    expect(run.stdout).toMatch(/licen[cs]e/i);
  });

  it('an address nobody knows exits 1 and says Google has no such user', async () => {
    const run = await world.run(['explain', 'nobody@nowhere.example']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Google has no user with this address');
  });
});

describe('halo-sync explain by a secondary address', () => {
  // Rachel's work address is also an alias, so Google's users.get would find her by it; the config
  // maps emails[type=work], so every read returns it. Explain must find her in what it read.
  const WORK = 'r.kim@harbordental.example';
  let aliased: World;
  beforeAll(async () => {
    const seed = await exampleSeed();
    const rachel = seed.google!.customers!.C03hrbr01!.users!.find((u) => u.primaryEmail === 'rachel.kim@harbordental.example')!;
    rachel.aliases = [WORK];
    rachel.emails = [{ address: 'rachel.kim@harbordental.example', primary: true }, { address: WORK, type: 'work' }];
    const config = (await exampleConfig()).replace('    - { from: primaryEmail, to: emailaddress }\n', '    - { from: primaryEmail, to: emailaddress }\n    - { from: "emails[type=work]", to: email2 }\n');
    aliased = await startWorld({ seed, config });
  });
  afterAll(async () => aliased.close());

  it('explains a person it already read without asking Google for them again', async () => {
    aliased.sandbox.google.resetStats();
    const run = await aliased.run(['explain', WORK.toUpperCase()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('mapping "harbor-main-clinic": placed them');
    expect(run.stdout).toContain(`email2: (empty) → ${WORK}`);
    const lookups = Object.entries(aliased.sandbox.google.stats().byEndpoint).filter(([endpoint]) => endpoint.startsWith('GET /admin/directory/v1/users/'));
    expect(lookups).toEqual([]);
  });
});
