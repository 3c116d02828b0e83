import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_FIELDS, DEFAULT_USER_FIELDS, DEFAULTS } from '../../src/config/defaults.js';
import { loadConfigFile, loadConfigOrThrow } from '../../src/config/load.js';
import { parseConfigText } from '../../src/config/parse.js';
import { ConfigError } from '../../src/diagnostics/errors.js';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { FIXTURES } from './fixtures.js';

const BASE = `version: 1
google:
  directory: own
halo:
  url: https://acme.halopsa.com
mappings:
  - name: staff
    site: Head Office
    filter: { field: orgUnitPath, op: under, value: /Staff }
`;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'halo-sync-config-'));
}

describe('parseConfigText', () => {
  it('fills every default of an optional section', () => {
    const { config } = parseConfigText(BASE, 'c.yaml').loaded!;
    expect(config.google).toEqual(DEFAULTS.google);
    expect(config.fields).toEqual({ users: DEFAULT_USER_FIELDS, agents: DEFAULT_AGENT_FIELDS });
    expect(config.matching).toEqual(DEFAULTS.matching);
    expect(config.licence).toEqual(DEFAULTS.licence);
    expect(config.lifecycle).toEqual(DEFAULTS.lifecycle);
    expect(config.safety).toEqual(DEFAULTS.safety);
    expect(config.roles).toEqual([]);
    expect(config.cabs).toEqual([]);
    expect(config.signIn).toBeUndefined();
  });

  it('never hands out the default objects themselves', () => {
    const first = parseConfigText(BASE, 'c.yaml').loaded!.config;
    first.fields.users.push({ from: 'id', to: 'notes' });
    first.safety.protectedAgents.push('x@acme.com');
    const second = parseConfigText(BASE, 'c.yaml').loaded!.config;
    expect(second.fields.users).toEqual(DEFAULT_USER_FIELDS);
    expect(second.safety.protectedAgents).toEqual([]);
  });

  it('fills signIn defaults only when the section is present', () => {
    const { config } = parseConfigText(`${BASE}signIn: { agents: true }\n`, 'c.yaml').loaded!;
    expect(config.signIn).toEqual({ agents: true, portal: false, autoRedirect: false });
  });

  it('records value positions and key positions by JSON pointer', () => {
    const { positions, keyPositions } = parseConfigText(BASE, 'c.yaml').loaded!;
    expect(positions['']).toEqual({ line: 1, column: 1 });
    expect(positions['/mappings/0']).toEqual({ line: 7, column: 5 });
    expect(positions['/mappings/0/site']).toEqual({ line: 8, column: 11 });
    expect(keyPositions['/mappings/0/site']).toEqual({ line: 8, column: 5 });
    expect(positions['/mappings/0/filter/value']).toEqual({ line: 9, column: 53 });
    expect(keyPositions['/mappings/0/filter/op']).toEqual({ line: 9, column: 35 });
    expect(positions['/fields']).toBeUndefined();
  });

  it('digests the raw text as sha256:<hex>', () => {
    const { digest } = parseConfigText(BASE, 'c.yaml').loaded!;
    expect(digest).toBe(`sha256:${createHash('sha256').update(BASE).digest('hex')}`);
    expect(parseConfigText(`${BASE}# a comment\n`, 'c.yaml').loaded!.digest).not.toBe(digest);
  });

  it('returns warnings alongside a loaded config, and no config when there is an error', () => {
    const warned = parseConfigText(BASE.replace(/ {4}filter:.*\n/, ''), 'c.yaml');
    expect(warned.loaded).toBeDefined();
    expect(warned.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    const failed = parseConfigText(BASE.replace('site: Head Office', 'site: Head Office\n    defaultRole: X'), 'c.yaml');
    expect(failed.loaded).toBeUndefined();
  });

  it('reports every schema error at once, sorted by position', () => {
    const text = BASE.replace('directory: own', 'directory: mine').replace('site: Head Office', 'site: Head Office\n    agnet: true') + 'safety: { maxDeactivations: -3 }\n';
    const shown = parseConfigText(text, 'c.yaml').diagnostics.map(formatDiagnostic);
    expect(shown).toEqual([
      "c.yaml:3:14: error: google.directory must be 'own' or 'customers', not 'mine'",
      "c.yaml:9:5: error: unknown key 'agnet' in mappings[0] (did you mean 'agent'?)",
      'c.yaml:11:29: error: safety.maxDeactivations must be at least 0, not -3',
    ]);
  });

  it('reports every semantic error at once', () => {
    const text = `${BASE}  - name: staff\n    site: Other\n    defaultRole: Technician\n    filter: { field: group, op: equals, value: x@acme.com }\n`;
    const codes = parseConfigText(text, 'c.yaml').diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    expect(codes).toEqual(['duplicate-mapping-name', 'default-role-not-agent', 'group-needs-member-of']);
  });

  it('never repeats a secret in any message', () => {
    const secret = 'GOCSPX-9z8y7x6w5v4u3t2s1r0q';
    const result = parseConfigText(`version: "${secret}"\n${BASE.replace('version: 1\n', '')}halo2: ${secret}\n`, 'c.yaml');
    expect(result.diagnostics.length).toBeGreaterThan(0);
    for (const d of result.diagnostics) expect(d.message).not.toContain('GOCSPX-9z8');
    expect(result.diagnostics.filter((d) => d.code === 'secret-in-config')).toHaveLength(2);
  });

  it('reads a UTF-8 byte-order mark and non-ASCII names', () => {
    const { config } = parseConfigText(`\uFEFF${BASE.replace('Head Office', 'Zürich – Büro')}`, 'c.yaml').loaded!;
    expect(config.mappings[0]!.site).toBe('Zürich – Büro');
  });
});

describe('loadConfigFile', () => {
  it('reads a file relative to cwd and names it as given', async () => {
    const result = await loadConfigFile('valid/minimal.yaml', { cwd: FIXTURES });
    expect(result.loaded?.file).toBe('valid/minimal.yaml');
    expect(result.diagnostics.every((d) => d.file === 'valid/minimal.yaml')).toBe(true);
  });

  it('turns a missing file into a diagnostic naming the path', async () => {
    const result = await loadConfigFile('nowhere/halo-sync.yaml', { cwd: tempDir() });
    expect(result.loaded).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([expect.stringMatching(/^nowhere\/halo-sync\.yaml: error: config file not found: nowhere\/halo-sync\.yaml/)]);
  });

  it('turns a directory into a diagnostic', async () => {
    const result = await loadConfigFile('.', { cwd: tempDir() });
    expect(result.diagnostics[0]?.code).toBe('config-is-directory');
    expect(result.diagnostics[0]?.message).toContain('is a directory');
  });

  it.skipIf(process.getuid?.() === 0)('turns an unreadable file into a diagnostic', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'locked.yaml'), BASE);
    chmodSync(join(dir, 'locked.yaml'), 0o000);
    const result = await loadConfigFile('locked.yaml', { cwd: dir });
    expect(result.diagnostics[0]?.code).toBe('config-unreadable');
    expect(result.diagnostics[0]?.message).toContain('permission denied');
  });

  it('refuses a file far too large to be a config', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'huge.yaml'), Buffer.alloc(6 * 1024 * 1024, 0x20));
    const result = await loadConfigFile('huge.yaml', { cwd: dir });
    expect(result.diagnostics[0]?.code).toBe('config-too-large');
  });
});

describe('loadConfigOrThrow', () => {
  it('returns the config and its warnings', async () => {
    const { loaded, warnings } = await loadConfigOrThrow('valid/minimal.yaml', { cwd: FIXTURES });
    expect(loaded.config.mappings[0]!.name).toBe('everyone');
    expect(warnings.map((w) => w.code)).toEqual(['mapping-without-filter']);
  });

  it('throws a ConfigError holding every diagnostic', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), BASE.replace('version: 1', 'version: 3').replace('directory: own', 'directory: theirs'));
    const error = await loadConfigOrThrow('bad.yaml', { cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).diagnostics.map((d) => d.code)).toEqual(['unsupported-version', 'invalid-value']);
  });
});
