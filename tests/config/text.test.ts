import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/config/rules/index.js';
import { childPointer, closest, didYouMean, editDistance, humanPath, quote, splitPointer } from '../../src/config/text.js';
import { REPO_ROOT } from './fixtures.js';

describe('config text helpers', () => {
  it('shows pointers the way people read paths', () => {
    expect(humanPath('')).toBe('the top level');
    expect(humanPath('/mappings/0/filter/all/1/op')).toBe('mappings[0].filter.all[1].op');
    expect(humanPath(childPointer('/x', 'a/b~c'))).toBe('x["a/b~c"]');
    expect(splitPointer(childPointer('/x', 'a/b~c'))).toEqual(['x', 'a/b~c']);
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('vaule', 'value')).toBe(1);
    expect(editDistance('sitee', 'site')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests only plausible typos', () => {
    expect(closest('licnse', ['licence', 'lifecycle'])).toBe('licence');
    expect(closest('EMAIL', ['email', 'name'])).toBe('email');
    expect(closest('zzzzzz', ['email', 'name'])).toBeUndefined();
    expect(didYouMean('x'.repeat(200), ['x'])).toBe('');
  });

  it('quotes values briefly and on one line', () => {
    expect(quote('a\nb')).toBe("'a b'");
    expect(quote('x'.repeat(100))).toHaveLength(62);
    expect(quote(['a'])).toBe('a list');
  });
});

describe('rule registry', () => {
  it('lists every rule file once', () => {
    const support = new Set(['index.ts', 'context.ts', 'filter-walk.ts', 'field-maps.ts', 'halo-agent-string-fields.ts', 'secrets.ts']);
    const files = readdirSync(join(REPO_ROOT, 'src/config/rules')).filter((f) => f.endsWith('.ts') && !support.has(f));
    const names = RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBe(files.length);
  });
});
