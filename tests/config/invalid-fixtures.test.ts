import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseConfigText } from '../../src/config/parse.js';
import { fixtures } from './fixtures.js';

const invalid = fixtures('invalid');
const warnings = fixtures('warnings');

describe('invalid configs: one fixture per failure mode', () => {
  it('covers at least 55 failure modes, each declaring its expectation', () => {
    expect(invalid.length).toBeGreaterThanOrEqual(55);
    expect(invalid.filter((f) => f.expect === undefined).map((f) => f.name)).toEqual([]);
  });

  it.each(invalid.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const result = parseConfigText(fixture.text, fixture.name);
    const want = fixture.expect!;
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const shown = result.diagnostics.map(formatDiagnostic).join('\n');
    expect(result.loaded, shown).toBeUndefined();
    // One failure mode, one message: no cascades, no ajv noise.
    expect(errors.length, shown).toBe(1);
    expect(formatDiagnostic(errors[0]!)).toContain(`${fixture.name}:${want.line}:${want.column}: error: `);
    expect(errors[0]!.message).toContain(want.message);
  });
});

describe('valid configs with warnings', () => {
  it.each(warnings.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const result = parseConfigText(fixture.text, fixture.name);
    const want = fixture.expect!;
    const shown = result.diagnostics.map(formatDiagnostic).join('\n');
    expect(result.loaded, shown).toBeDefined();
    const match = result.diagnostics.find((d) => d.line === want.line && d.column === want.column && d.message.includes(want.message));
    expect(match?.severity, shown).toBe('warning');
  });
});
