/**
 * Fixture files under tests/fixtures/config. Invalid and warning fixtures declare what they expect
 * on their first line: `# expect: LINE:COL severity: message substring`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/config/', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Expectation {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface Fixture {
  name: string;
  path: string;
  text: string;
  expect?: Expectation;
}

const EXPECT = /^# expect: (\d+):(\d+) (error|warning): (.+)$/;

export function fixtures(kind: 'valid' | 'invalid' | 'warnings'): Fixture[] {
  const dir = join(FIXTURES, kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const text = readFileSync(path, 'utf8');
      const match = EXPECT.exec(text.split('\n')[0] ?? '');
      const expect = match
        ? { line: Number(match[1]), column: Number(match[2]), severity: match[3] as 'error' | 'warning', message: match[4] as string }
        : undefined;
      return { name, path, text, expect };
    });
}
