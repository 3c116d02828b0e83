/**
 * examples/sandbox-seed.yaml is what a newcomer runs first and what `halo-sync demo` applies: it
 * must load clean, tell the Brightwater story halo-sync.yaml expects, and give a first plan that is
 * SAFE to apply.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfigOrThrow } from '../../src/config/index.js';
import { createDirectoryClient, readDirectory } from '../../src/google/index.js';
import { createHaloClient, readHaloSnapshot } from '../../src/halo/index.js';
import { buildPlan } from '../../src/plan/index.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { defaultSeedPath, loadSeedFile, parseSeed } from '../../src/sandbox/seed.js';
import type { SandboxSeed } from '../../src/sandbox/seed-types.js';

async function exampleSeed(): Promise<SandboxSeed> {
  return loadSeedFile(defaultSeedPath());
}

describe('examples/sandbox-seed.yaml', () => {
  it('loads without a single error', async () => {
    const text = await readFile(defaultSeedPath(), 'utf8');
    expect(parseSeed(text, 'examples/sandbox-seed.yaml').errors).toEqual([]);
  });

  it('has the three directories of halo-sync.yaml, about 60 people with 21-digit ids, and the groups its rules name', async () => {
    const seed = await exampleSeed();
    const customers = seed.google?.customers ?? {};
    expect(Object.entries(customers).map(([key, c]) => [key, c.id, c.domain])).toEqual([
      ['my_customer', 'C01brtw01', 'brightwater.example'],
      ['C03hrbr01', 'C03hrbr01', 'harbordental.example'],
      ['C04kystn1', 'C04kystn1', 'keystonelegal.example'],
    ]);
    const users = Object.values(customers).flatMap((c) => c.users ?? []);
    expect(users.length).toBeGreaterThanOrEqual(55);
    expect(users.every((u) => /^\d{21}$/.test(u.id))).toBe(true);
    const groups = new Set(Object.values(customers).flatMap((c) => (c.groups ?? []).map((g) => g.email)));
    const config = parse(await readFile(new URL('../../halo-sync.yaml', import.meta.url), 'utf8')) as {
      roles: Array<{ group: string; role: string }>;
      cabs: Array<{ group: string; cab: string }>;
      mappings: Array<{ site?: string; filter?: unknown }>;
    };
    for (const rule of [...config.roles, ...config.cabs]) expect(groups.has(rule.group), rule.group).toBe(true);
    expect(groups.has('halo-agents@brightwater.example')).toBe(true);

    const halo = seed.halo ?? {};
    const siteNames = new Set((halo.sites ?? []).map((s) => s.name));
    for (const m of config.mappings) if (m.site) expect(siteNames.has(m.site), m.site).toBe(true);
    const roleNames = (halo.roles ?? []).map((r) => r.name);
    for (const rule of config.roles) expect(roleNames).toContain(rule.role);
    expect(roleNames).toContain('Finance Reviewer');
    expect((halo.cabs ?? []).map((c) => c.name)).toEqual(['Infrastructure CAB', 'Software Release CAB']);
    expect(halo.fields?.map((f) => f.name)).toContain('CFEmployeeNumber');
    expect(halo.control).toMatchObject({ enablegooglesso: false, halointegrator_googleworkplace: false });
    expect(halo.agents?.some((a) => a.email === 'breakglass@brightwater.example')).toBe(true);
    expect(seed.faults).toBeUndefined();
  });

  it('gives a first plan with halo-sync.yaml that tells the story and is safe to apply', async () => {
    const seed = await exampleSeed();
    const sandbox = await startSandbox({ seed });
    try {
      const { loaded } = await loadConfigOrThrow(fileURLToPath(new URL('../../halo-sync.yaml', import.meta.url)));
      const env = sandbox.env;
      const directory = await readDirectory({ client: createDirectoryClient({ env }), config: loaded.config });
      const halo = await readHaloSnapshot(createHaloClient({ config: loaded.config, env, rateLimit: 'off' }), { agentIdField: loaded.config.matching.agentIdField });
      const outcome = buildPlan(loaded, directory, halo);
      if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join('\n'));
      const { plan } = outcome;
      const find = (action: string, email: string) => plan.changes.find((c) => c.action === action && c.email === email);

      expect(plan.safety.ok).toBe(true);
      const deactivations = plan.changes.filter((c) => c.action === 'deactivate');
      expect(deactivations.map((c) => c.email).sort()).toEqual(['ravi.menon@brightwater.example', 'tom.fletcher@harbordental.example']);
      expect(find('reactivate', 'olivia.grant@harbordental.example')).toBeDefined();
      expect(find('link', 'rachel.kim@harbordental.example')?.reason).toContain('email');
      expect(find('link', 'james.whitaker@keystonelegal.example')?.reason).toContain('name');
      expect(find('link', 'priya.nair@brightwater.example')).toBeDefined();
      expect(plan.warnings.find((w) => w.code === 'ambiguous-match')?.email).toBe('lucy.tran@harbordental.example');
      expect(find('roles', 'grace.mensah@brightwater.example')?.roles?.remove).toEqual(['Senior Technician']);
      expect(find('cabs', 'tomas.ferreira@brightwater.example')?.cabs?.add).toEqual(['Infrastructure CAB']);
      // Never touched: the break-glass agent, the Finance Reviewer role, the vendor's CAB seat, contractors, Sales.
      const touched = new Set(plan.changes.map((c) => c.email));
      for (const email of ['breakglass@brightwater.example', 'dana.whitfield@apexnetworks.example', 'kevin.doyle@keystonelegal.example', 'ben.hartley@brightwater.example']) {
        expect(touched.has(email), email).toBe(false);
      }
      expect(plan.changes.some((c) => c.roles?.remove.includes('Finance Reviewer'))).toBe(false);
    } finally {
      await sandbox.close();
    }
  });
});
