/** Which commit a config came from: git HEAD (and whether the file differs from it), else GITHUB_SHA. */
import { execFileSync } from 'node:child_process';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configCommit, describeCommit } from '../../src/app/git-commit.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'halo-sync-git-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' }).trim();

describe('configCommit', () => {
  it('names HEAD in the config’s repository and notices edits to the config file', async () => {
    const config = join(dir, 'halo-sync.yaml');
    await writeFile(config, 'version: 1\n');
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'one');
    const head = git('rev-parse', 'HEAD');
    expect(await configCommit(config, { GITHUB_SHA: 'f'.repeat(40) })).toEqual({ sha: head, source: 'git', dirty: false });
    await appendFile(config, '# edited\n');
    expect(await configCommit(config, {})).toEqual({ sha: head, source: 'git', dirty: true });
    expect(describeCommit({ sha: head, source: 'git', dirty: true })).toBe(`${head.slice(0, 12)} (the config file differs from this commit)`);
  });

  it('an untracked config counts as differing from the commit', async () => {
    git('init', '-q');
    await writeFile(join(dir, 'other.txt'), 'x');
    git('add', 'other.txt');
    git('commit', '-q', '-m', 'one');
    const config = join(dir, 'halo-sync.yaml');
    await writeFile(config, 'version: 1\n');
    expect((await configCommit(config, {}))?.dirty).toBe(true);
  });

  it('outside a repository: GITHUB_SHA when it is a commit id, else nothing', async () => {
    const config = join(dir, 'halo-sync.yaml');
    expect(await configCommit(config, { GITHUB_SHA: 'ABCDEF1234567' })).toEqual({ sha: 'abcdef1234567', source: 'GITHUB_SHA', dirty: null });
    expect(await configCommit(config, { GITHUB_SHA: 'not a sha; rm -rf' })).toBeNull();
    expect(await configCommit(config, {})).toBeNull();
  });
});
