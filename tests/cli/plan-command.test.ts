/**
 * `halo-sync plan` end to end: the example seed in the sandbox, the example config, the real
 * Google client library and Halo client over loopback, the CLI run in-process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exampleConfig, startWorld, type World } from '../e2e/world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world.close());

describe('halo-sync plan on the example sandbox', () => {
  it('--format json prints only the plan document, with the expected summary counts', async () => {
    const run = await world.run(['plan', '--format', 'json']);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.formatVersion).toBe(1);
    // The Brightwater story (examples/sandbox-seed.yaml): new clinic and law-firm staff, one
    // pre-existing Halo user linked by email and one by name, a returning person, a suspended one,
    // new agents with their default role, one agent linked, role and CAB moves, and the Sign-In
    // settings.
    expect(plan.summary).toEqual({
      users: { create: 21, update: 4, link: 2, deactivate: 1, reactivate: 1 },
      agents: { create: 9, update: 0, link: 1, deactivate: 1, reactivate: 0 },
      roles: { add: 12, remove: 1 },
      cabs: { add: 1, remove: 1 },
      settings: { update: 1 },
    });
    expect(plan.safety).toEqual({ ok: true, violations: [] });
    expect(plan.warnings.map((w: { code: string }) => w.code)).toContain('ambiguous-match');
  });

  it('text format ends with the Terraform-like summary line; --detailed-exitcode exits 2', async () => {
    const run = await world.run(['plan', '--detailed-exitcode']);
    expect(run.code).toBe(2);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      'Plan: 30 to create, 4 to update, 3 to link, 1 to reactivate, 2 to deactivate, 13 role changes, 2 CAB changes, 1 setting.',
    );
    expect(run.stdout).not.toContain('\u001b['); // not a terminal, NO_COLOR: no colour
  });

  it('--out writes the same JSON document that --format json prints', async () => {
    const json = await world.run(['plan', '--format', 'json', '--out', 'plan.json']);
    expect(json.code).toBe(0);
    expect(await world.read('plan.json')).toBe(json.stdout);
  });

  it('markdown format leads with the summary table and the warning banner', async () => {
    const run = await world.run(['plan', '--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\| *Users *\|/);
    expect(run.stdout).toContain('[!WARNING]');
    expect(run.stdout.indexOf('[!WARNING]')).toBeLessThan(run.stdout.indexOf('<details>'));
  });

  it('a site, role or CAB the config names but Halo lacks is an error at the config line, with a suggestion', async () => {
    const config = (await exampleConfig())
      .replace('site: Harbor Dental - Eastside', 'site: Harbor Dental - East Side')
      .replace('cab: Infrastructure CAB', 'cab: Infra CAB');
    await writeFile(join(world.dir, 'typo.yaml'), config);
    const run = await world.run(['plan', '-c', 'typo.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^typo\.yaml:\d+:11: error: site "Harbor Dental - East Side" does not exist in Halo \(did you mean "Harbor Dental - Eastside"\?\)/),
      expect.stringMatching(/^typo\.yaml:\d+:\d+: error: CAB "Infra CAB" does not exist in Halo \(did you mean "Infrastructure CAB"\?\)/),
    ]);
    const lineOfSite = config.split('\n').findIndex((l) => l.includes('Harbor Dental - East Side')) + 1;
    expect(lines[0]).toContain(`typo.yaml:${lineOfSite}:`);
  });

  it('an invalid config stops before any request, with every error and no stack trace', async () => {
    await world.resetStats();
    await writeFile(join(world.dir, 'broken.yaml'), (await exampleConfig()).replace('version: 1', 'version: 2').replace('agent: true', 'agnet: true'));
    const run = await world.run(['plan', '-c', 'broken.yaml']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^broken\.yaml:\d+:\d+: error: /m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect((await world.stats()).total).toBe(0);
  });

  it('missing Halo credentials name the variables to set, without a stack trace', async () => {
    const run = await world.run(['plan'], { env: { HALO_CLIENT_SECRET: '' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('HALO_CLIENT_SECRET');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('the saved plan is byte-identical across runs on unchanged data (deterministic)', async () => {
    await world.run(['plan', '--format', 'json', '--out', 'a.json']);
    await world.run(['plan', '--format', 'json', '--out', 'b.json']);
    expect(await readFile(join(world.dir, 'a.json'), 'utf8')).toBe(await readFile(join(world.dir, 'b.json'), 'utf8'));
  });
});
