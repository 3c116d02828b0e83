/** parseInputs (pure) as a table, and action.yml kept in step with it (names and defaults). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INPUT_DEFAULTS, inputVariable, parseInputs, privacyFor } from '../../src/action/inputs.js';
import { REPO } from './harness.js';

const env = (inputs: Record<string, string>) => Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputVariable(k), v]));

describe('parseInputs', () => {
  it('gives action.yml defaults when inputs are absent', () => {
    const parsed = parseInputs({});
    expect(parsed).toEqual({
      ok: true,
      inputs: {
        command: 'plan',
        config: 'halo-sync.yaml',
        githubToken: '',
        comment: true,
        privacy: 'auto',
        plan: null,
        journal: null,
        statusFile: null,
        workingDirectory: '.',
        commentMaxChars: 60_000,
        commentAuthor: 'github-actions[bot]',
      },
    });
  });

  it.each([
    [{ command: 'apply', plan: 'plan.json' }, { command: 'apply', plan: 'plan.json' }],
    [{ comment: 'False' }, { comment: false }],
    [{ comment: 'TRUE' }, { comment: true }],
    [{ privacy: 'true' }, { privacy: 'on' }],
    [{ privacy: 'off' }, { privacy: 'off' }],
    [{ 'comment-max-chars': '65536' }, { commentMaxChars: 65_536 }],
    [{ 'github-token': '  ghs_abc  ' }, { githubToken: 'ghs_abc' }],
    [{ config: 'customers/acme.yaml', 'working-directory': 'configs' }, { config: 'customers/acme.yaml', workingDirectory: 'configs' }],
    [{ journal: 'logs/j.jsonl', 'status-file': 'status.json' }, { journal: 'logs/j.jsonl', statusFile: 'status.json' }],
  ])('%j → %j', (given, expected) => {
    const parsed = parseInputs(env(given));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.inputs).toMatchObject(expected);
  });

  it.each([
    [{ command: 'destroy' }, /command must be validate, plan or apply, not "destroy"/],
    [{ comment: 'yes' }, /comment must be true or false/],
    [{ privacy: 'maybe' }, /privacy must be auto, true or false/],
    [{ 'comment-max-chars': '70000' }, /from 1000 to 65536/],
    [{ 'comment-max-chars': '12k' }, /from 1000 to 65536/],
    [{ command: 'plan', plan: 'plan.json' }, /plan .* only works with command: apply/],
  ])('refuses %j', (given, message) => {
    const parsed = parseInputs(env(given));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join('\n')).toMatch(message);
  });

  it('reports every problem at once', () => {
    const parsed = parseInputs(env({ command: 'x', comment: 'y', privacy: 'z' }));
    expect(parsed.ok ? [] : parsed.errors).toHaveLength(3);
  });

  it('privacy auto is on unless the repository is known to be private', () => {
    expect([privacyFor('auto', true), privacyFor('auto', false), privacyFor('auto', null)]).toEqual([false, true, true]);
    expect([privacyFor('on', true), privacyFor('off', false)]).toEqual([true, false]);
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as {
    runs: { using: string; main: string };
    inputs: Record<string, { default?: string }>;
    outputs: Record<string, unknown>;
  };

  it('runs the bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares the contract inputs and outputs', () => {
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['command', 'config', 'github-token', 'comment']));
    expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(['has-changes', 'summary', 'plan-file']));
    expect(action.inputs['github-token']!.default).toBe('${{ github.token }}');
  });

  it('has the same defaults as parseInputs, and parseInputs reads every input it declares', () => {
    for (const [name, value] of Object.entries(INPUT_DEFAULTS)) expect(action.inputs[name]?.default, name).toBe(value);
    // Every declared input changes the parsed result when set to a valid non-default value.
    const samples: Record<string, string> = { command: 'validate', config: 'x.yaml', 'github-token': 't', comment: 'false', privacy: 'off', plan: 'p.json', journal: 'j', 'status-file': 's', 'working-directory': 'w', 'comment-max-chars': '2000', 'comment-author': 'bot' };
    const base = parseInputs(env({ command: 'apply' }));
    for (const name of Object.keys(action.inputs)) {
      expect(samples[name], `a sample for input ${name}`).toBeDefined();
      const changed = parseInputs(env({ command: 'apply', [name]: samples[name]! }));
      expect(changed, name).not.toEqual(base);
    }
  });
});
