import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/parse.js';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { fixtures, REPO_ROOT } from './fixtures.js';

const valid = [...fixtures('valid'), { name: 'halo-sync.yaml', path: join(REPO_ROOT, 'halo-sync.yaml'), text: readFileSync(join(REPO_ROOT, 'halo-sync.yaml'), 'utf8') }];

describe('valid configs', () => {
  it('include minimal, own directory, customers directory, every section and the root example', () => {
    expect(valid.map((f) => f.name)).toEqual(expect.arrayContaining(['minimal.yaml', 'own-directory.yaml', 'customers-directory.yaml', 'every-section.yaml', 'halo-sync.yaml']));
  });

  it.each(valid.map((f) => [f.name, f] as const))('%s loads without errors', (_name, fixture) => {
    const result = parseConfigText(fixture.text, fixture.name);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map(formatDiagnostic)).toEqual([]);
    expect(result.loaded?.config.version).toBe(1);
    expect(result.loaded?.file).toBe(fixture.name);
  });

  it('the root example loads with no warnings either', () => {
    const root = valid.find((f) => f.name === 'halo-sync.yaml')!;
    expect(parseConfigText(root.text, root.name).diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it('every-section keeps every value it was given (nothing replaced by a default)', () => {
    const fixture = valid.find((f) => f.name === 'every-section.yaml')!;
    const { config } = parseConfigText(fixture.text, fixture.name).loaded!;
    expect(config.google).toEqual({ directory: 'own', customer: 'my_customer' });
    expect(config.halo).toEqual({ url: 'http://127.0.0.1:8080', tenant: 'acme' });
    expect(config.mappings.map((m) => m.name)).toEqual(['service-desk', 'staff']);
    expect(config.fields.users).toHaveLength(10);
    expect(config.fields.agents.map((f) => f.to)).toEqual(['email', 'jobtitle', 'sms', 'department']);
    expect(config.matching).toEqual({ users: ['email', 'name'], agents: ['name', 'email'], agentIdField: 'matching_value' });
    expect(config.roles).toHaveLength(3);
    expect(config.cabs).toHaveLength(2);
    expect(config.licence).toEqual({ enabled: true, activeRoles: ['Technician', 'Administrator', 'Service Desk Manager'] });
    expect(config.lifecycle).toEqual({ suspended: 'keep', outOfScope: 'deactivate' });
    expect(config.safety).toEqual({ maxDeactivations: 0, maxDeactivationPercent: 2.5, protectedAgents: ['breakglass@acme.com', 'admin@acme.com'] });
    expect(config.signIn).toEqual({ agents: true, portal: true, appId: '923645183353-abc', autoRedirect: true });
  });

  it('yaml-features resolves anchors, aliases and CRLF line endings', () => {
    const fixture = valid.find((f) => f.name === 'yaml-features.yaml')!;
    expect(fixture.text).toContain('\r\n');
    const { config, positions } = parseConfigText(fixture.text, fixture.name).loaded!;
    expect(config.mappings[1]!.name).toBe('office: north');
    expect(config.mappings[1]!.filter).toEqual({
      all: [{ field: 'group', op: 'memberOf', value: 'engineers@acme.com' }, { field: 'orgUnitPath', op: 'under', value: '/North' }],
    });
    expect(positions['/mappings/1/site']).toEqual({ line: 14, column: 11 });
  });
});
