/**
 * One apply at a time per workspace: an exclusive lock file (created with O_EXCL, so exactly one
 * process wins) at `.halo-sync/apply.lock` beside the config, holding who has it. A second apply
 * fails fast naming the holder. A stale lock (its process is gone on this host, or it is older than
 * MAX_LOCK_AGE_MS, i.e. left by a machine that crashed) is taken over with a message.
 *
 * This guards one machine or one shared workspace. Across CI runners there is no shared disk: the
 * workflows' `concurrency:` group (one apply per config at a time, never cancelled mid-run) is the
 * guard there. Both are needed; neither replaces the other.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { ExitError, HaloSyncError } from '../diagnostics/errors.js';
import { EXIT } from '../cli/exit-codes.js';

export const MAX_LOCK_AGE_MS = 2 * 60 * 60 * 1000;

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  commit: string | null;
  configFile: string;
  token: string;
}

export interface ApplyLock {
  path: string;
  /** Set when a stale lock was taken over: who held it, and why it counted as stale. */
  tookOver: { holder: LockHolder; reason: string } | null;
  release(): Promise<void>;
}

export interface LockOptions {
  configFile: string;
  commit: string | null;
  now?: () => Date;
  /** Is this pid alive on this host? Default: signal 0. */
  alive?: (pid: number) => boolean;
  /** Runs after a create found the lock taken, before it is read (tests use it to release the lock in that gap). */
  onTaken?: () => Promise<void>;
}

/** Tries to take a lock that was released while we looked at it, before giving up. */
const CREATE_ATTEMPTS = 3;

export function defaultLockPath(configPath: string): string {
  return join(dirname(configPath), '.halo-sync', 'apply.lock');
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

async function create(path: string, holder: LockHolder): Promise<boolean> {
  try {
    const handle = await open(path, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(holder, null, 2)}\n`);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** When the lock file was last written; null once it is gone. */
async function modifiedAt(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function readHolder(path: string): Promise<LockHolder | null> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string' || typeof value.startedAt !== 'string') return null;
    return { commit: null, configFile: '', token: '', ...value } as LockHolder;
  } catch {
    return null;
  }
}

function describe(holder: LockHolder): string {
  return `pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}${holder.commit ? `, commit ${holder.commit.slice(0, 12)}` : ''}`;
}

export async function acquireApplyLock(path: string, options: LockOptions): Promise<ApplyLock> {
  const now = options.now ?? (() => new Date());
  const alive = options.alive ?? processAlive;
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: now().toISOString(), commit: options.commit, configFile: options.configFile, token: randomUUID() };
  await mkdir(dirname(path), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new HaloSyncError(`cannot create the apply lock's directory ${dirname(path)} (${error.code ?? error.message}); run apply from a writable checkout`);
  });
  let tookOver: ApplyLock['tookOver'] = null;
  for (let attempt = 1; !(await create(path, holder)); attempt += 1) {
    await options.onTaken?.();
    const current = await readHolder(path);
    const modified = current ? null : await modifiedAt(path);
    // Gone between our create and our read: its holder released it, so try to create it again.
    if (!current && modified === null) {
      if (attempt < CREATE_ATTEMPTS) continue;
      throw new ExitError(EXIT.error, `another halo-sync apply keeps taking and releasing the lock ${path}; try again later.`);
    }
    const age = now().getTime() - (current ? Date.parse(current.startedAt) : (modified as number));
    const dead = current !== null && current.host === holder.host && !alive(current.pid);
    const old = !(age < MAX_LOCK_AGE_MS);
    // Unreadable: a crash between create and write; a live writer gets a minute to finish writing.
    const stale = current ? dead || old : age > 60_000;
    if (!stale) {
      const who = current ? describe(current) : 'a process whose lock file is being written';
      throw new ExitError(EXIT.error, `another halo-sync apply is running (${who}); lock ${path}. Wait for it to finish; if it is not running, delete the lock file.`);
    }
    tookOver = {
      holder: current ?? { pid: 0, host: 'unknown', startedAt: new Date(now().getTime() - age).toISOString(), commit: null, configFile: '', token: '' },
      reason: dead ? 'its process is no longer running' : current ? `it is older than ${MAX_LOCK_AGE_MS / 3_600_000} h` : 'the lock file is unreadable',
    };
    await unlink(path).catch(() => undefined);
    // Another apply may take it over at the same moment: only one O_EXCL create can win.
    if (!(await create(path, holder))) throw new ExitError(EXIT.error, `another halo-sync apply took over the stale lock ${path} at the same moment; try again later.`);
    break;
  }
  return {
    path,
    tookOver,
    async release() {
      const current = await readHolder(path);
      if (current?.token === holder.token) await unlink(path).catch(() => undefined);
    },
  };
}

export function describeTakeover(lock: ApplyLock): string | null {
  if (!lock.tookOver) return null;
  return `Took over a stale apply lock (${describe(lock.tookOver.holder)}): ${lock.tookOver.reason}.`;
}
