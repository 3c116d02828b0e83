import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/types.js';
import { buildPlan } from '../../src/plan/index.js';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { linkedAgent, person, planOf, world } from '../builders.js';

function refused(config: Partial<Config>) {
  const w = world({ config });
  const outcome = buildPlan(w.loaded, w.directory, w.halo);
  if (outcome.ok) throw new Error('expected planning to be refused');
  return { diagnostics: outcome.diagnostics, positions: w.loaded.positions };
}

describe('Halo names in the config', () => {
  it.each([
    { name: 'a site', config: { mappings: [{ name: 'staff', site: 'Head Ofice' }] }, pointer: '/mappings/0/site', code: 'unknown-site', message: 'site "Head Ofice" does not exist in Halo (did you mean "Head Office"?)' },
    { name: 'a default role', config: { mappings: [{ name: 'a', agent: true, defaultRole: 'Techician' }] }, pointer: '/mappings/0/defaultRole', code: 'unknown-role', message: 'role "Techician" does not exist in Halo (did you mean "Technician"?)' },
    { name: 'a rule role', config: { roles: [{ group: 'g@x.test', role: 'Admin' }] }, pointer: '/roles/0/role', code: 'unknown-role', message: 'role "Admin" does not exist in Halo (did you mean "Administrator"?)' },
    { name: 'a licensed role', config: { licence: { enabled: true, activeRoles: ['Technician', 'Wizard'] } }, pointer: '/licence/activeRoles/1', code: 'unknown-role', message: 'role "Wizard" does not exist in Halo (Halo has: "Administrator", "Read Only", "Senior Technician", "Service Desk Manager", "Technician")' },
    { name: 'a CAB', config: { cabs: [{ group: 'g@x.test', cab: 'Infra CAB' }] }, pointer: '/cabs/0/cab', code: 'unknown-cab', message: 'CAB "Infra CAB" does not exist in Halo (did you mean "Infrastructure CAB"?)' },
    { name: 'a custom field', config: { fields: { users: [{ from: 'primaryEmail', to: 'custom:CFEmployeeNo' }], agents: [] } }, pointer: '/fields/users/0/to', code: 'unknown-custom-field', message: 'custom field "CFEmployeeNo" does not exist in Halo (did you mean "CFEmployeeNumber"?)' },
  ])('an unknown $name is an error at its config line with a suggestion', ({ config, pointer, code, message }) => {
    const { diagnostics, positions } = refused(config as Partial<Config>);
    expect(diagnostics).toEqual([{ severity: 'error', code, message, file: 'halo-sync.yaml', pointer, line: positions[pointer]?.line, column: positions[pointer]?.column }]);
    expect(formatDiagnostic(diagnostics[0]!)).toBe(`halo-sync.yaml:${positions[pointer]?.line}:${positions[pointer]?.column}: error: ${message}`);
  });

  it('reports every unknown name at once, in file order', () => {
    const { diagnostics } = refused({
      mappings: [{ name: 'a', site: 'Nowhere' }, { name: 'b', agent: true, defaultRole: 'Nobody' }],
      cabs: [{ group: 'g@x.test', cab: 'No CAB' }],
    });
    expect(diagnostics.map((d) => d.pointer)).toEqual(['/mappings/0/site', '/mappings/1/defaultRole', '/cabs/0/cab']);
  });

  it('compares names case-insensitively and uses Halo’s spelling in the plan', () => {
    const ann = person('ann@acme.test');
    const { plan } = planOf(world({ config: { mappings: [{ name: 'staff', site: 'head OFFICE' }, { name: 'a', agent: true, defaultRole: 'technician' }] }, people: [ann] }));
    expect(plan.changes.map((c) => [c.fields.find((f) => f.field === 'site')?.after, c.roles.add].flat())).toEqual([['Head Office'], [undefined, 'Technician']]);
  });

  it('two Halo sites with one name make the mapping ambiguous (an error, never a guess)', () => {
    const w = world({ config: { mappings: [{ name: 'staff', site: 'Main' }] }, halo: { sites: [{ id: 1, name: 'Main', client_name: 'Acme' }, { id: 2, name: 'Main', client_name: 'Globex' }] } });
    const outcome = buildPlan(w.loaded, w.directory, w.halo);
    expect(outcome.ok).toBe(false);
    expect(outcome.diagnostics[0]).toMatchObject({ code: 'ambiguous-site', pointer: '/mappings/0/site' });
    expect(outcome.diagnostics[0]?.message).toContain('#1 (Acme), #2 (Globex)');
  });

  it('a protected agent Halo does not know is a warning, and planning goes on', () => {
    const ann = person('ann@acme.test');
    const w = world({
      config: { mappings: [{ name: 'a', agent: true }], safety: { maxDeactivations: 1, maxDeactivationPercent: 100, protectedAgents: ['ann@acme.test', 'breakglas@acme.test'] } },
      people: [ann],
      halo: { agents: [linkedAgent(1, ann), linkedAgent(2, person('breakglass@acme.test'))] },
    });
    const outcome = buildPlan(w.loaded, w.directory, w.halo);
    expect(outcome.ok).toBe(true);
    expect(outcome.diagnostics).toEqual([expect.objectContaining({
      severity: 'warning', code: 'unknown-protected-agent', pointer: '/safety/protectedAgents/1',
      message: 'protected agent "breakglas@acme.test" is not a Halo agent (did you mean "breakglass@acme.test"?)',
    })]);
  });

  it('falls back to the nearest positioned ancestor for defaults the file does not contain', () => {
    const w = world({ config: { mappings: [{ name: 'staff', site: 'Nowhere' }] } });
    delete w.loaded.positions['/mappings/0/site'];
    const outcome = buildPlan(w.loaded, w.directory, w.halo);
    expect(outcome.ok ? null : outcome.diagnostics[0]?.line).toBe(w.loaded.positions['/mappings/0']?.line);
  });
});
