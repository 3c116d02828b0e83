/** The one validate verdict: the CLI line, the validate job summary and the fork comment all say it. */
import { describe, expect, it } from 'vitest';
import { validateSummary, validateVerdict } from '../../src/app/run-validate.js';

describe('validateVerdict', () => {
  it.each([
    [0, 0, 'valid'],
    [0, 1, 'valid (1 warning)'],
    [0, 2, 'valid (2 warnings)'],
    [1, 0, '1 error'],
    [3, 1, '3 errors, 1 warning'],
    [1234, 5678, '1,234 errors, 5,678 warnings'],
  ])('%i errors and %i warnings read "%s"', (errors, warnings, expected) => {
    const report = { file: 'customers/acme.yaml', valid: errors === 0, errors, warnings, diagnostics: [] };
    expect(validateVerdict(report)).toBe(expected);
    expect(validateSummary(report)).toBe(`customers/acme.yaml: ${expected}`);
  });
});
