/** `halo-sync demo`: plan → apply → plan on the in-process sandbox, ending with "No changes". */
import { readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { expectNoSecrets } from '../helpers/secrets.js';

describe('halo-sync demo', () => {
  it('runs from any directory with no environment, applies the example, and ends with No changes', async () => {
    let stdout = '';
    let stderr = '';
    const code = await main(['demo'], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      // A user's real settings must not leak into the demo: it uses only the sandbox's.
      env: { HALO_URL: 'https://real.halopsa.example', HALO_CLIENT_SECRET: 'real-secret-value-123', GOOGLE_APPLICATION_CREDENTIALS: '/nonexistent/key.json' },
      cwd: '/',
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const steps = ['Step 1 of 3: plan', 'Plan: 30 to create', 'Step 2 of 3: apply', 'Apply complete! 47 applied, 0 failed, 0 skipped.', 'Step 3 of 3: plan again', 'No changes. Halo is in step with Google Workspace.', 'What next'];
    const positions = steps.map((s) => stdout.indexOf(s));
    expect(positions.every((p) => p >= 0), JSON.stringify(positions)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const journal = /Every operation was journaled, one JSON line each: (.*journal\.jsonl)/.exec(stdout)?.[1];
    expect(journal).toBeDefined();
    expectNoSecrets({ stdout, stderr, journal: await readFile(journal!, 'utf8') }, ['real-secret-value-123']);
    await rm(dirname(journal!), { recursive: true, force: true });
    expect(stdout).toContain('halo-sync explain');
    expect(stdout).not.toContain('real.halopsa.example');
  });
});
