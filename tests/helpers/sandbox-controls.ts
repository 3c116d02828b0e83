/**
 * Test controls of the sandbox servers that the e2e World does not wrap: scripted answers on the
 * Google side, switching the seed's random faults off on both sides, and request counts.
 * (Sandbox READMEs: src/sandbox/halo/README.md, src/sandbox/google/README.md.)
 */
import type { Sandbox } from '../../src/sandbox/index.js';
import type { ScriptedAnswerRule } from '../../src/sandbox/google/scripted.js';

async function post(url: string, body?: unknown): Promise<void> {
  const res = await fetch(url, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (res.status >= 300) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
}

/** Aims Google answers at exact Directory requests (`POST /_sandbox/faults` on the Google server). */
export function googleFaults(sandbox: Sandbox, rules: ScriptedAnswerRule[]): Promise<void> {
  return post(`${sandbox.google.url}/_sandbox/faults`, { rules });
}

/** The seed's random faults off on both servers: what follows runs against healthy services. */
export async function randomFaultsOff(sandbox: Sandbox): Promise<void> {
  await Promise.all([post(`${sandbox.halo.url}/_sandbox/faults/off`), post(`${sandbox.google.url}/_sandbox/faults/off`)]);
}

/** Halo write requests (POST /api/…) counted by the sandbox since its last stats reset. */
export function haloWrites(sandbox: Sandbox): number {
  return Object.entries(sandbox.halo.stats().byEndpoint)
    .filter(([endpoint]) => endpoint.startsWith('POST /api/'))
    .reduce((sum, [, n]) => sum + n, 0);
}
