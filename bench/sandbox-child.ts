/**
 * The bench's sandbox process: generates a synthetic world (deterministic from size, seed and
 * variant), starts both sandbox servers from it and prints the five `export NAME=value` lines,
 * like `halo-sync sandbox`. It stays up until SIGTERM/SIGINT or until its stdin closes (so it never
 * outlives the bench). The world is generated here rather than read from a seed file because the
 * seed loader's positioned YAML parse is built for hand-written seeds, not 100k-person ones; the
 * generated seeds are checked by that loader in tests/bench.
 *
 * Usage: node sandbox-child.mjs --size 10000 --seed 1 --variant steady|initial [--rate-limit 300/300] [--customers N]
 */
import { formatEnvExports, startSandbox } from '../src/sandbox/index.js';
import type { SeedFaults } from '../src/sandbox/seed-types.js';
import { generateWorld, type Variant } from './generate/index.js';

function option(name: string, fallback?: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : fallback;
  if (value === undefined) throw new Error(`sandbox-child: --${name} is required`);
  return value;
}

const size = Number(option('size'));
const seedNumber = Number(option('seed', '1'));
const variant = option('variant', 'steady') as Variant;
const rateLimit = option('rate-limit', 'off');

const started = performance.now();
const customers = process.argv.includes('--customers') ? Number(option('customers')) : undefined;
const world = generateWorld(size, seedNumber, variant, customers === undefined ? {} : { customers });
const faults: SeedFaults = {};
if (rateLimit !== 'off') {
  const [requests, windowSeconds] = rateLimit.split('/').map(Number);
  faults.haloRateLimit = { requests: requests as number, windowSeconds: windowSeconds as number };
}
const sandbox = await startSandbox({ seed: { ...world.seed, faults } });
process.stdout.write(formatEnvExports(sandbox.env));
process.stderr.write(`bench sandbox: ${size} people (${variant}, seed ${seedNumber}) ready in ${Math.round(performance.now() - started)} ms; Halo limiter ${rateLimit}\n`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await sandbox.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();
