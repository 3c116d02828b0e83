/**
 * The bench's sandbox process, driven with a stand-in child (a tiny script written here) whose
 * stats endpoint answers as the test wants: exports are read with the sandbox's own parser, and a
 * refused stats reset is an error, not a silently stale count.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandboxProcess } from '../../bench/sandbox-process.js';
import { formatEnvExports } from '../../src/sandbox/index.js';

const dir = mkdtempSync(join(tmpdir(), 'halo-sync-bench-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SECRET = "it's a $ecret";

/** A child that serves /_sandbox/stats (DELETE answered with `deleteStatus`) and prints its exports. */
function standInScript(deleteStatus: number): string {
  const path = join(dir, `child-${deleteStatus}.mjs`);
  writeFileSync(path, `
import { createServer } from 'node:http';
const server = createServer((req, res) => {
  if (req.method === 'DELETE') { res.statusCode = ${deleteStatus}; res.end(); return; }
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ total: 7, byRoute: {} }));
});
server.listen(0, '127.0.0.1', () => {
  const url = 'http://127.0.0.1:' + server.address().port;
  const exports = ${JSON.stringify(formatEnvExports({ HALO_URL: '@URL@', HALO_CLIENT_ID: 'bench', HALO_CLIENT_SECRET: SECRET, GOOGLE_API_ROOT: '@URL@/', GOOGLE_ACCESS_TOKEN: 'token' }))};
  process.stdout.write(exports.replaceAll('@URL@', url));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`);
  return path;
}

async function withProcess(deleteStatus: number, use: (sandbox: Awaited<ReturnType<typeof startSandboxProcess>>) => Promise<void>): Promise<void> {
  const sandbox = await startSandboxProcess({ script: standInScript(deleteStatus), size: 1, seed: 1, variant: 'steady', rateLimit: 'off' });
  try {
    await use(sandbox);
  } finally {
    await sandbox.stop();
  }
}

describe('bench sandbox process', () => {
  it('reads the exports with the sandbox parser (quoted values included) and the stats of both servers', async () => {
    await withProcess(204, async (sandbox) => {
      expect(sandbox.env.HALO_CLIENT_SECRET).toBe(SECRET);
      expect(sandbox.env.HALO_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const stats = await sandbox.stats();
      expect([stats.google.total, stats.halo.total]).toEqual([7, 7]);
      await expect(sandbox.resetStats()).resolves.toBeUndefined();
    });
  });

  it('fails when the stats reset is refused, so a bench never reads counts that were not reset', async () => {
    await withProcess(500, async (sandbox) => {
      await expect(sandbox.resetStats()).rejects.toThrow(/DELETE http:\/\/127\.0\.0\.1:\d+\/_sandbox\/stats: 500/);
    });
  });
});
