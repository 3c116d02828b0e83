/** `halo-sync explain EMAIL` end to end on the example sandbox: the same reads and planner as plan. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from '../e2e/world.js';

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
