/**
 * Property tests: whatever text arrives, parseConfigText returns (never throws), every diagnostic
 * carries the file and a 1-based line and column inside the text, `loaded` is there iff there is no
 * error, and diagnostics come sorted. Short by default; the long run:
 *   FUZZ_RUNS=10000 npx vitest run tests/config/fuzz.test.ts
 */
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseConfigText, type ConfigLoadResult } from '../../src/config/parse.js';
import { sortDiagnostics } from '../../src/diagnostics/diagnostic.js';
import { fixtures } from './fixtures.js';

const RUNS = Number(process.env.FUZZ_RUNS) || 300;
const FILE = 'fuzz.yaml';
const TIMEOUT = Math.max(60_000, RUNS * 50);
const bases = [...fixtures('valid'), ...fixtures('warnings')].map((f) => f.text);

function checkInvariants(text: string, result: ConfigLoadResult): void {
  const lineCount = text.split(/\r\n|\r|\n/).length + 1;
  for (const d of result.diagnostics) {
    expect(d.file).toBe(FILE);
    expect(Number.isInteger(d.line) && d.line! >= 1 && d.line! <= lineCount, `line ${d.line}: ${d.message}`).toBe(true);
    expect(Number.isInteger(d.column) && d.column! >= 1, `column ${d.column}: ${d.message}`).toBe(true);
    expect(d.message.length).toBeGreaterThan(0);
  }
  const hasError = result.diagnostics.some((d) => d.severity === 'error');
  expect(result.loaded === undefined).toBe(hasError);
  expect(result.diagnostics).toEqual(sortDiagnostics(result.diagnostics));
}

function run(text: string): void {
  checkInvariants(text, parseConfigText(text, FILE));
}

type Path = Array<string | number>;

function pathsOf(value: unknown, path: Path = [], seen = new Set<object>()): Path[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return [path];
  seen.add(value);
  const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [path, ...children.flatMap(([k, v]) => pathsOf(v, [...path, k], seen))];
}

function replaceAt(root: unknown, path: Path, replace: (old: unknown) => unknown | typeof DELETE): unknown {
  if (path.length === 0) {
    const next = replace(root);
    return next === DELETE ? null : next;
  }
  const [head, ...rest] = path;
  const container = root as Record<string | number, unknown>;
  if (rest.length === 0) {
    const next = replace(container[head!]);
    if (next === DELETE) {
      if (Array.isArray(container)) container.splice(head as number, 1);
      else delete container[head!];
    } else container[head!] = next;
    return root;
  }
  replaceAt(container[head!], rest, replace);
  return root;
}
const DELETE = Symbol('delete');

const nested = (depth: number, leaf: unknown): unknown => Array.from({ length: depth }).reduce<unknown>((inner) => ({ all: [inner] }), leaf);

const mutation = fc.oneof(
  fc.constant({ kind: 'delete' as const }),
  fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: 'replace' as const, value })),
  fc.tuple(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })).map(([key, value]) => ({ kind: 'insert' as const, key, value })),
  fc.constant({ kind: 'wrap' as const }),
  fc.integer({ min: 1, max: 80 }).map((depth) => ({ kind: 'nest' as const, depth })),
  fc.constant({ kind: 'cycle' as const }),
  fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)).map((value) => ({ kind: 'scalar' as const, value })),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(data: unknown, path: Path, m: Mutation): unknown {
  return replaceAt(data, path, (old) => {
    switch (m.kind) {
      case 'delete':
        return DELETE;
      case 'replace':
      case 'scalar':
        return m.value;
      case 'insert':
        return old && typeof old === 'object' && !Array.isArray(old) ? { ...old, [m.key]: m.value } : { [m.key]: m.value };
      case 'wrap':
        return [old];
      case 'nest':
        return nested(m.depth, old);
      case 'cycle': {
        // Written out by yaml as an anchor with an alias inside itself.
        const loop: { all: unknown[] } = { all: [old] };
        loop.all.push(loop);
        return loop;
      }
    }
  });
}

describe('parseConfigText never throws and always positions its diagnostics', () => {
  it('on random mutations of valid configs', () => {
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 4 }), (which, mutations) => {
        let data: unknown = parse(bases[which]!, { logLevel: 'error' });
        for (const [pick, m] of mutations) {
          const paths = pathsOf(data);
          data = mutate(data, paths[pick % paths.length]!, m);
        }
        run(stringify(data));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('on random edits of valid config text (deleted, inserted, duplicated, tabbed, truncated)', () => {
    const edit = fc.oneof(
      fc.tuple(fc.nat(), fc.nat(40)).map(([at, length]) => (t: string) => t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + length)),
      fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 20 })).map(([at, s]) => (t: string) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1))),
      fc.nat().map((at) => (t: string) => {
        const lines = t.split('\n');
        const i = at % lines.length;
        return [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n'); // duplicated line: duplicate keys
      }),
      fc.nat().map((at) => (t: string) => {
        const i = t.indexOf(' ', at % (t.length + 1));
        return i < 0 ? t : `${t.slice(0, i)}\t${t.slice(i + 1)}`;
      }),
      fc.nat().map((at) => (t: string) => t.slice(0, at % (t.length + 1))),
    );
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.array(edit, { minLength: 1, maxLength: 5 }), (which, edits) => {
        run(edits.reduce((text, e) => e(text), bases[which]!));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('on random text made of YAML and config tokens', () => {
    const token = fc.constantFrom(
      'version: 1\n', 'google:', 'halo:', 'mappings:', 'filter:', 'all:', 'any:', 'field:', 'op:', 'value:', 'name:', 'site:', 'agent: true',
      '\n', '\n  ', '  ', '- ', ': ', '{', '}', '[', ']', ',', '"', "'", '&a ', '*a', '*b', '!!str ', '!tag ', '? ', '---\n', '...\n', '#', '\t',
      '|\n', '>\n', '<<: *a\n', '&a [*a]', '&b { all: [*b] }', 'null', '~', '0x1F', '1e99', '-1', 'yes', 'ö', '\u0000', '\uFEFF', '\r\n', 'client_secret: x\n', 'GOCSPX-abcdefghijklmnop',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => run(tokens.join(''))),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('on arbitrary strings and bytes', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => run(text)), { numRuns: RUNS });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => run(Buffer.from(bytes).toString('utf8'))),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('on deep nesting, block and flow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.boolean(), (depth, flow) => {
        const body = flow ? `${'['.repeat(depth)}${']'.repeat(depth)}` : Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
        run(`version: 1\nmappings: ${flow ? body : `\n${body}`}\n`);
      }),
      { numRuns: Math.min(RUNS, 100) },
    );
  }, TIMEOUT);
});
