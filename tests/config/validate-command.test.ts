/** `halo-sync validate`, run in-process through the real command line with captured output. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { fixtures, FIXTURES, REPO_ROOT } from './fixtures.js';
import { expectNoSecrets } from '../helpers/secrets.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function validate(args: string[], cwd = REPO_ROOT): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    cwd,
  };
  const code = await main(['validate', ...args], io);
  expectNoSecrets({ stdout, stderr }, []); // no credential shape ever reaches the output
  return { code, stdout, stderr };
}

const THREE_ERRORS = `version: 1
google: { directory: own }
halo: { url: ftp://acme.halopsa.com }
mappings:
  - name: staff
    site: Head Office
    defaultRole: Technician
    filter: { field: orgUnit, op: under, value: /Staff }
  - name: lead
    agent: true
`;

function tempFile(name: string, text: string): { dir: string; name: string } {
  const dir = mkdtempSync(join(tmpdir(), 'halo-sync-validate-'));
  writeFileSync(join(dir, name), text);
  return { dir, name };
}

describe('halo-sync validate', () => {
  it('validates ./halo-sync.yaml by default: exit 0, verdict on stdout, nothing on stderr', async () => {
    const run = await validate([]);
    expect(run).toEqual({ code: 0, stdout: 'halo-sync.yaml: valid\n', stderr: '' });
  });

  it('shows warnings on stderr and still exits 0', async () => {
    const run = await validate(['-c', 'valid/minimal.yaml'], FIXTURES);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("valid/minimal.yaml:6:5: warning: mapping 'everyone' has no filter: it places everyone in its directory at site 'Head Office'; add a filter if that is not intended\n");
    expect(run.stdout).toBe('valid/minimal.yaml: valid (1 warning)\n');
  });

  it('shows every error and warning at once, sorted, then the count; exit 1', async () => {
    const file = tempFile('three.yaml', THREE_ERRORS);
    const run = await validate(['-c', file.name], file.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.map((l) => l.split(': ')[0])).toEqual(['three.yaml:3:14', 'three.yaml:7:5', 'three.yaml:8:22', 'three.yaml:9:5', 'three.yaml']);
    expect(lines[0]).toContain('error: halo.url must start with https://');
    expect(lines[1]).toContain('error: defaultRole only applies to agent mappings');
    expect(lines[2]).toContain("error: unknown filter field 'orgUnit'");
    expect(lines[3]).toContain("warning: mapping 'lead' has no filter");
    expect(lines.slice(4)).toEqual(['three.yaml: 3 errors, 1 warning']);
  });

  it('prints one JSON document on stdout with --format json', async () => {
    const file = tempFile('three.yaml', THREE_ERRORS);
    const run = await validate(['-c', file.name, '--format', 'json'], file.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { valid: boolean; errors: number; warnings: number; diagnostics: Array<Record<string, unknown>> };
    expect(report).toMatchObject({ valid: false, errors: 3, warnings: 1 });
    expect(report.diagnostics).toHaveLength(4);
    expect(report.diagnostics[0]).toEqual({
      severity: 'error',
      code: 'halo-url-scheme',
      message: 'halo.url must start with https:// (or http:// for a local Halo such as the sandbox), not ftp://',
      file: 'three.yaml',
      line: 3,
      column: 14,
    });
    expect(report.diagnostics.map((d) => Object.keys(d).sort().join(','))).toEqual(Array(4).fill('code,column,file,line,message,severity'));
  });

  it('reports a valid config in JSON too', async () => {
    const run = await validate(['--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ valid: true, errors: 0, warnings: 0, diagnostics: [] });
  });

  it('reports a missing file without a stack trace, in text and JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'halo-sync-validate-'));
    const text = await validate([], dir);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/^halo-sync\.yaml: error: config file not found: halo-sync\.yaml/);
    expect(text.stderr).toContain('halo-sync.yaml: 1 error\n');
    const json = await validate(['-c', 'missing.yaml', '--format', 'json'], dir);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: false, errors: 1, diagnostics: [{ code: 'config-not-found', file: 'missing.yaml', line: null, column: null }] });
  });

  it('fails every invalid fixture with exit 1, positioned lines and no stack trace', async () => {
    for (const fixture of fixtures('invalid')) {
      const run = await validate(['-c', `invalid/${fixture.name}`], FIXTURES);
      expect(run.code, fixture.name).toBe(1);
      expect(run.stderr, fixture.name).toContain(`invalid/${fixture.name}:${fixture.expect!.line}:${fixture.expect!.column}: error: `);
      expect(run.stderr + run.stdout).not.toContain('    at ');
    }
  });

  it('has --help', async () => {
    const run = await validate(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: halo-sync validate');
    expect(run.stdout).toContain('--format <format>');
    expect(run.stdout).toContain('-c, --config <file>');
  });

  it('refuses an unknown format', async () => {
    const run = await validate(['--format', 'xml']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("argument 'xml' is invalid");
  });
});
