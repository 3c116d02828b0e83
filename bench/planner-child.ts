/**
 * The pure planner alone: reads a generated world once through the real readers (an in-process
 * sandbox, no rate limits), then times buildPlan on the in-memory snapshots several times, with a
 * garbage collection before each run so runs do not pay for each other's garbage. Prints one JSON
 * line: per-run milliseconds, people, changes, and whether every run gave the same plan.
 *
 * Usage: node --expose-gc planner-child.mjs --size 10000 --seed 1 --runs 5 [--customers N] [--profile FILE]
 * `--profile FILE` writes a V8 CPU profile of the buildPlan runs only (open it in Chrome DevTools).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { buildPlan, snapshotDigest } from '../src/plan/index.js';
import { renderPlanJson } from '../src/render/index.js';
import { generateWorld } from './generate/index.js';
import { readGeneratedWorld } from './generate/read-world.js';

function text(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
const option = (name: string, fallback: string) => Number(text(name) ?? fallback);
const profileFile = text('profile');

const size = option('size', '1000');
const runs = option('runs', '5');
const customers = text('customers');

// Only the config and the snapshots are kept: the timed runs see the heap a real `plan` has.
const { loaded, snapshots } = await readGeneratedWorld(generateWorld(size, option('seed', '1'), 'steady', customers === undefined ? {} : { customers: Number(customers) }));

const gc = (globalThis as { gc?: () => void }).gc;
const times: number[] = [];
let first: string | undefined;
let identical = true;
let changes = 0;
const profiler = profileFile ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
for (let run = 0; run < runs; run += 1) {
  gc?.();
  const started = performance.now();
  const outcome = buildPlan(loaded, snapshots.directory, snapshots.halo);
  times.push(performance.now() - started);
  if (!outcome.ok) throw new Error(`planning refused: ${outcome.diagnostics.map((d) => d.message).join('; ')}`);
  changes = outcome.plan.changes.length;
  const text = renderPlanJson(outcome.plan);
  first ??= text;
  identical &&= text === first;
}
// The snapshot digest alone (buildPlan computes it too): the share of the time spent hashing.
const digestMs: number[] = [];
for (let run = 0; run < runs; run += 1) {
  gc?.();
  const started = performance.now();
  snapshotDigest(snapshots.directory, snapshots.halo);
  digestMs.push(performance.now() - started);
}
if (profiler && profileFile) {
  const { profile } = await profiler.post('Profiler.stop');
  writeFileSync(profileFile, JSON.stringify(profile));
}
process.stdout.write(`${JSON.stringify({ size, googleUsers: snapshots.directory.users.length, haloUsers: snapshots.halo.users.length, haloAgents: snapshots.halo.agents.length, runsMs: times, digestMs, changes, identical, gc: gc !== undefined })}\n`);
