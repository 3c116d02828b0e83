/** The workspace lock: exactly one holder; stale locks (dead process, too old, unreadable) are taken over. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireApplyLock, defaultLockPath, describeTakeover, MAX_LOCK_AGE_MS } from '../../src/app/apply-lock.js';
import { ExitError } from '../../src/diagnostics/errors.js';

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'halo-sync-lock-'));
  path = defaultLockPath(join(dir, 'halo-sync.yaml'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const options = { configFile: 'halo-sync.yaml', commit: 'abc123' };

/** A pid that existed and has exited (a child we waited for). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid as number;
}

describe('acquireApplyLock', () => {
  it('lives in .halo-sync beside the config, holds who has it, and is removed on release', async () => {
    expect(path).toBe(join(dir, '.halo-sync', 'apply.lock'));
    const lock = await acquireApplyLock(path, options);
    expect(lock.tookOver).toBeNull();
    const holder = JSON.parse(await readFile(path, 'utf8'));
    expect(holder).toMatchObject({ pid: process.pid, host: hostname(), commit: 'abc123', configFile: 'halo-sync.yaml' });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await lock.release();
    await expect(stat(path)).rejects.toThrow();
  });

  it('refuses a second holder with exit 1, naming the first', async () => {
    const first = await acquireApplyLock(path, options);
    const second = acquireApplyLock(path, options);
    await expect(second).rejects.toBeInstanceOf(ExitError);
    await expect(second).rejects.toMatchObject({ exitCode: 1, message: expect.stringContaining(`pid ${process.pid} on ${hostname()}`) });
    await first.release();
    await (await acquireApplyLock(path, options)).release();
  });

  it('takes the lock when its holder releases it between our failed create and our read of it', async () => {
    const first = await acquireApplyLock(path, options);
    let released = 0;
    const second = await acquireApplyLock(path, { ...options, onTaken: async () => { released += 1; await first.release(); } });
    expect(released).toBe(1);
    expect(second.tookOver).toBeNull();
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ pid: process.pid, configFile: 'halo-sync.yaml' });
    await second.release();
    await expect(stat(path)).rejects.toThrow();
  });

  it('of two applies racing for a free lock, exactly one wins', async () => {
    const outcomes = await Promise.allSettled([acquireApplyLock(path, options), acquireApplyLock(path, options)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
  });

  it('takes over a lock whose process is gone on this host', async () => {
    const first = await acquireApplyLock(path, options);
    const pid = deadPid();
    const held = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...held, pid }));
    const second = await acquireApplyLock(path, options);
    expect(describeTakeover(second)).toBe(`Took over a stale apply lock (pid ${pid} on ${hostname()}, started ${held.startedAt}, commit abc123): its process is no longer running.`);
    // The first run's release must not remove the lock the second now holds.
    await first.release();
    expect(JSON.parse(await readFile(path, 'utf8')).token).not.toBe(held.token);
    await second.release();
  });

  it('keeps a live lock from another host, but takes it over once it is older than the limit', async () => {
    const start = Date.now();
    await (await acquireApplyLock(path, options)).release();
    const other = { pid: 4242, host: 'another-runner', startedAt: new Date(start).toISOString(), commit: null, configFile: 'x', token: 't' };
    await writeFile(path, JSON.stringify(other));
    await expect(acquireApplyLock(path, { ...options, now: () => new Date(start + MAX_LOCK_AGE_MS - 1000) })).rejects.toThrow(/another-runner/);
    const late = await acquireApplyLock(path, { ...options, now: () => new Date(start + MAX_LOCK_AGE_MS + 1000) });
    expect(late.tookOver?.reason).toBe('it is older than 2 h');
    await late.release();
  });

  it('an unreadable lock is respected for a minute (a writer may be mid-write), then taken over', async () => {
    await (await acquireApplyLock(path, options)).release();
    await writeFile(path, '');
    await expect(acquireApplyLock(path, options)).rejects.toThrow(/whose lock file is being written/);
    const old = new Date(Date.now() - 5 * 60_000);
    await utimes(path, old, old);
    const lock = await acquireApplyLock(path, options);
    expect(lock.tookOver?.reason).toBe('the lock file is unreadable');
    await lock.release();
  });
});
