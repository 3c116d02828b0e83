/** The orchestrator behind `halo-sync sandbox`: both servers, the environment it exports, shell quoting. */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { formatEnvExports, SANDBOX_GOOGLE_ACCESS_TOKEN, shellQuote, startSandbox } from '../../src/sandbox/index.js';
import { freePort, parseExports, probeGoogle, probeHalo } from './sandbox-cli-helpers.js';

const SEED = {
  google: { customers: { my_customer: { id: 'C01abc', domain: 'acme.example', users: [{ id: '100000000000000000001', primaryEmail: 'ann@acme.example' }] } } },
  halo: { sites: [{ id: 1, name: 'HQ' }], users: [{ id: 1, name: 'Ann', site_id: 1 }, { id: 2, name: 'Bo', site_id: 1 }] },
};

describe('startSandbox', () => {
  it('starts both servers and exports exactly the five variables that point the clients at them', async () => {
    const sandbox = await startSandbox({ seed: SEED });
    try {
      expect(sandbox.env).toEqual({
        HALO_URL: sandbox.halo.url,
        HALO_CLIENT_ID: 'sandbox',
        HALO_CLIENT_SECRET: 'sandbox',
        GOOGLE_API_ROOT: sandbox.google.url,
        GOOGLE_ACCESS_TOKEN: SANDBOX_GOOGLE_ACCESS_TOKEN,
      });
      expect(sandbox.env.HALO_URL).not.toMatch(/\/api/);
      expect(sandbox.halo.port).not.toBe(sandbox.google.port);
      expect(await probeHalo(sandbox.env)).toBe(2);
      expect(await probeGoogle(sandbox.env)).toBe(1);
    } finally {
      await sandbox.close();
      await sandbox.close(); // closing twice is harmless
    }
  });

  it("exports the seed's Halo credentials", async () => {
    const sandbox = await startSandbox({ seed: { halo: { clientId: 'bw', clientSecret: 'shh-its-long' } } });
    try {
      expect([sandbox.env.HALO_CLIENT_ID, sandbox.env.HALO_CLIENT_SECRET]).toEqual(['bw', 'shh-its-long']);
    } finally {
      await sandbox.close();
    }
  });

  it('leaves nothing listening when the second server cannot start', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const taken = (blocker.address() as { port: number }).port;
    const haloPort = await freePort();
    try {
      await expect(startSandbox({ seed: {}, haloPort, googlePort: taken })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      // The Halo server that did start was closed again: its port is free.
      const again = await startSandbox({ seed: {}, haloPort });
      await again.close();
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });
});

describe('formatEnvExports', () => {
  it('writes one export line per variable, quoting only what a shell would misread', () => {
    const text = formatEnvExports({ HALO_URL: 'http://127.0.0.1:4100', HALO_CLIENT_SECRET: "it's $ecret; rm -rf", EMPTY: '' });
    expect(text).toBe("export HALO_URL=http://127.0.0.1:4100\nexport HALO_CLIENT_SECRET='it'\\''s $ecret; rm -rf'\nexport EMPTY=''\n");
    expect(parseExports(text)).toEqual({ HALO_URL: 'http://127.0.0.1:4100', HALO_CLIENT_SECRET: "it's $ecret; rm -rf", EMPTY: '' });
  });

  it('round-trips through a real POSIX shell', () => {
    const values = { A: 'plain', B: "quote ' and \" and `tick` and $HOME", C: 'new\nline' };
    const script = `${formatEnvExports(values)}printf '%s\\0' "$A" "$B" "$C"`;
    const out = execFileSync('sh', ['-c', script], { encoding: 'utf8' });
    expect(out.split('\0').slice(0, 3)).toEqual([values.A, values.B, values.C]);
    expect(shellQuote('http://x:1/a_b-c.d@e')).toBe('http://x:1/a_b-c.d@e');
  });
});
