import { describe, expect, it } from 'vitest';
import { shouldUseColor } from '../../src/render/index.js';

describe('shouldUseColor (NO_COLOR, FORCE_COLOR, TTY)', () => {
  const table: Array<[string, Record<string, string | undefined>, boolean | undefined, boolean]> = [
    ['terminal, nothing set', {}, true, true],
    ['pipe, nothing set', {}, false, false],
    ['isTTY unknown', {}, undefined, false],
    ['NO_COLOR=1 on a terminal', { NO_COLOR: '1' }, true, false],
    ['NO_COLOR=anything on a terminal', { NO_COLOR: 'yes please' }, true, false],
    ['NO_COLOR empty is ignored (no-color.org)', { NO_COLOR: '' }, true, true],
    ['FORCE_COLOR=1 on a pipe', { FORCE_COLOR: '1' }, false, true],
    ['FORCE_COLOR=3 on a pipe', { FORCE_COLOR: '3' }, false, true],
    ['FORCE_COLOR=true on a pipe', { FORCE_COLOR: 'true' }, false, true],
    ['FORCE_COLOR empty on a pipe', { FORCE_COLOR: '' }, false, true],
    ['FORCE_COLOR=0 on a terminal', { FORCE_COLOR: '0' }, true, false],
    ['FORCE_COLOR=false on a terminal', { FORCE_COLOR: 'false' }, true, false],
    ['FORCE_COLOR wins over NO_COLOR', { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    ['FORCE_COLOR=0 with NO_COLOR', { FORCE_COLOR: '0', NO_COLOR: '1' }, true, false],
    ['TERM=dumb on a terminal', { TERM: 'dumb' }, true, false],
    ['TERM=dumb but FORCE_COLOR=1', { TERM: 'dumb', FORCE_COLOR: '1' }, false, true],
    ['TERM=xterm-256color on a pipe', { TERM: 'xterm-256color' }, false, false],
  ];
  it.each(table)('%s', (_name, env, isTTY, expected) => {
    expect(shouldUseColor(env, isTTY)).toBe(expected);
  });
});
