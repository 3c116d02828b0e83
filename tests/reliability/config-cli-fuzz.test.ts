/**
 * Bad config through the real command line (tests/config/fuzz.test.ts fuzzes the parser itself):
 * random text edits, structural mutations and token soups of valid configs, written to a file and
 * run through `halo-sync validate` and, when invalid, `halo-sync plan`. Always: exit 0 or 1, every
 * stderr line a positioned diagnostic (`FILE:LINE:COL: severity: message`) or validate's count
 * line, exit 1 exactly when there is an error, plan reporting the same errors before touching any
 * API (it runs with no credentials at all), never a stack trace.
 *
 * Short by default; the long run (10,000 cases a property): scripts/fuzz-config-long.sh
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fixtures, REPO_ROOT } from '../config/fixtures.js';
import { expectNoSecrets } from '../helpers/secrets.js';

const RUNS = Number(process.env.FUZZ_RUNS) || 120;
const TIMEOUT = Math.max(60_000, RUNS * 40);
const DIR = mkdtempSync(join(tmpdir(), 'halo-sync-cli-fuzz-'));
const FILE = 'fuzz.yaml';
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const BASES = [readFileSync(join(REPO_ROOT, 'halo-sync.yaml'), 'utf8'), ...[...fixtures('valid'), ...fixtures('warnings')].map((f) => f.text)];

const POSITIONED = /^fuzz\.yaml:\d+:\d+: (error|warning): \S/;
const COUNT_LINE = /^fuzz\.yaml: \d+ errors?(, \d+ warnings?)?$/;
const CRASH = /^\s+at |TypeError|ReferenceError|RangeError|Maximum call stack|internal error|file an issue/im;

const counts = { cases: 0, invalid: 0, planned: 0 };

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {}, cwd: DIR });
  expect(`${stdout}\n${stderr}`).not.toMatch(CRASH);
  expectNoSecrets({ stdout, stderr }, []);
  return { code, stdout, stderr };
}

async function check(text: string): Promise<void> {
  writeFileSync(join(DIR, FILE), text);
  counts.cases += 1;
  const validate = await cli(['validate', '-c', FILE]);
  expect([0, 1], validate.stderr).toContain(validate.code);
  const lines = validate.stderr.split('\n').filter((l) => l !== '');
  const diagnostics = lines.filter((l) => !COUNT_LINE.test(l));
  for (const line of diagnostics) expect(line, `not a positioned diagnostic, for:\n${text.slice(0, 400)}`).toMatch(POSITIONED);
  const errors = diagnostics.filter((l) => /^fuzz\.yaml:\d+:\d+: error: /.test(l));
  expect(validate.code === 1, validate.stderr).toBe(errors.length > 0);
  if (validate.code === 0) return;

  counts.invalid += 1;
  const plan = await cli(['plan', '-c', FILE]);
  counts.planned += 1;
  expect(plan.code).toBe(1);
  expect(plan.stdout).toBe('');
  const planLines = plan.stderr.split('\n').filter((l) => l !== '');
  for (const line of planLines) expect(line).toMatch(POSITIONED);
  // The same errors, found before any API is called (there are no credentials to call one with).
  expect(planLines.filter((l) => /^fuzz\.yaml:\d+:\d+: error: /.test(l))).toEqual(errors);
}

type Path = Array<string | number>;
function pathsOf(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [path];
  const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [path, ...children.flatMap(([k, v]) => pathsOf(v, [...path, k]))];
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (node === null || typeof node !== 'object') return root; // nothing to add a key to
  if (Array.isArray(node) && typeof last !== 'number') return root; // a list has no named keys
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = value;
  return root;
}

const textEdit = fc.oneof(
  fc.tuple(fc.nat(), fc.nat(30)).map(([at, n]) => (t: string) => t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + n)),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 16 })).map(([at, s]) => (t: string) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1))),
  fc.tuple(fc.nat(), fc.constantFrom(': ', '- ', '{', '}', '[', ']', '"', "'", '&a ', '*a', '!!int ', '\t', '\n  ', '#', '---\n', 'client_secret: hunter22\n', '\u0000', '\uFEFF')).map(
    ([at, s]) => (t: string) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1)),
  ),
  fc.nat().map((at) => (t: string) => {
    const lines = t.split('\n');
    const i = at % lines.length;
    return [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n');
  }),
  fc.nat().map((at) => (t: string) => t.slice(0, at % (t.length + 1))),
);

const value = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(undefined, null, '', 'ftp://x', '/Staff', 'not-an-email', 'GOCSPX-aaaaaaaaaaaaaaaaaaaa', -1, 1e99, true, [], {}, { field: 'group', op: 'under', value: 3 }),
);

describe('bad config through validate and plan: positioned diagnostics, exit 1, never a stack trace', () => {
  it('random text edits of valid configs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(BASES.length - 1), fc.array(textEdit, { minLength: 1, maxLength: 4 }), async (which, edits) => {
        await check(edits.reduce((text, edit) => edit(text), BASES[which]!));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('random structural mutations of valid configs (values replaced, keys deleted or added)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(BASES.length - 1), fc.array(fc.tuple(fc.nat(), value, fc.option(fc.string({ maxLength: 10 }))), { minLength: 1, maxLength: 3 }), async (which, mutations) => {
        let data: unknown = parse(BASES[which]!, { logLevel: 'silent' });
        for (const [pick, replacement, newKey] of mutations) {
          const paths = pathsOf(data);
          const path = paths[pick % paths.length]!;
          data = setAt(data, newKey === null ? path : [...path.slice(0, -1), newKey], structuredClone(replacement));
        }
        await check(stringify(data ?? null));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('token soups of YAML and config keys', async () => {
    const token = fc.constantFrom('version: 1\n', 'google:', 'halo:', 'mappings:', 'filter:', 'all:', 'name:', 'site:', 'agent: true', 'url: ', '\n', '\n  ', '- ', ': ', '{', '}', '[', ']', '"', '&x ', '*x', '? ', '---\n', '#', '\t', 'null', '~', 'yes', '日本', '\r\n');
    await fc.assert(fc.asyncProperty(fc.array(token, { maxLength: 50 }), async (tokens) => check(tokens.join(''))), { numRuns: RUNS });
  }, TIMEOUT);

  it('ran enough cases, most of them invalid, all of those through plan too', () => {
    expect(counts.cases).toBe(3 * RUNS);
    expect(counts.invalid).toBeGreaterThan(RUNS);
    expect(counts.planned).toBe(counts.invalid);
    console.log(`config CLI fuzz: ${counts.cases} configs through validate, ${counts.invalid} invalid ones through plan too`);
  });
});
