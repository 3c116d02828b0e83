/** The program's own flags: --version prints the package version, --help lists every command. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {}, cwd: process.cwd() });
  return { code, stdout, stderr };
}

describe('halo-sync --version and --help', () => {
  it('--version prints the version from package.json and exits 0', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('--help lists every command of DESIGN.md', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const command of ['validate', 'plan', 'apply', 'explain', 'doctor', 'sandbox', 'demo']) expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('an unknown command is an error (exit 1) with a pointer to --help', async () => {
    const { code, stderr } = await run(['plna']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/unknown command 'plna'/);
  });
});
