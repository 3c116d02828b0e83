/** The journal file and the status file: written as things happen, never half, never a secret. */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJournalFile } from '../../src/apply/index.js';
import { writeStatusFile, type ApplyStatus } from '../../src/apply/status-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'halo-sync-journal-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('openJournalFile', () => {
  it('each entry is on disk as soon as it is written (a crash keeps every completed line)', async () => {
    const path = join(dir, 'journal.jsonl');
    const journal = openJournalFile(path, { runId: 'run-1', now: () => new Date('2025-01-06T09:00:00Z') });
    journal.entry('start', { configFile: 'halo-sync.yaml' });
    journal.entry('operation', { seq: 1, outcome: 'applied' });
    // Not closed yet: what a killed process would leave behind.
    const lines = (await readFile(path, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { type: 'start', time: '2025-01-06T09:00:00.000Z', run: 'run-1', configFile: 'halo-sync.yaml' },
      { type: 'operation', time: '2025-01-06T09:00:00.000Z', run: 'run-1', seq: 1, outcome: 'applied' },
    ]);
    journal.close();
    journal.entry('end', {}); // after close: ignored, not a crash
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('appends to an existing journal and scrubs secrets and tokens from every line', async () => {
    const path = join(dir, 'journal.jsonl');
    openJournalFile(path, { runId: 'a' }).close();
    const journal = openJournalFile(path, { runId: 'b', secrets: ['super-secret-client-value'] });
    journal.entry('operation', { error: { message: 'Halo said: super-secret-client-value; Authorization: Bearer abcdefghijklmnop' } });
    journal.close();
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain('super-secret-client-value');
    expect(text).not.toContain('abcdefghijklmnop');
    expect(text).toContain('[redacted]');
  });
});

describe('writeStatusFile', () => {
  it('replaces the file whole, leaving no temporary file behind', async () => {
    const path = join(dir, 'status.json');
    const status: ApplyStatus = {
      lastRun: '2025-01-06T09:00:00.000Z', outcome: 'partial', counts: { applied: 3, failed: 1, skipped: 0, notAttempted: 0 },
      lastError: 'Halo API POST /api/Users failed (500): boom', commit: 'abc', configFile: 'halo-sync.yaml', configDigest: 'sha256:x', runId: 'r',
    };
    await writeStatusFile(path, status);
    await writeStatusFile(path, { ...status, outcome: 'applied', lastError: null });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ ...status, outcome: 'applied', lastError: null });
    expect(await readdir(dir)).toEqual(['status.json']);
  });
});
