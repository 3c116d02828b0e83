/**
 * Writes a generated world to files, to look at it or to run halo-sync against it by hand:
 * `npm run bench -- world --size 1k --out DIR` writes DIR/seed.json, DIR/halo-sync.yaml and
 * DIR/facts.json (the minimum requests for a plan of it). The seed loads with
 * `halo-sync sandbox --seed DIR/seed.json` (slow beyond ~10k: that loader positions every node).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateWorld, type Variant } from './generate/index.js';
import { minimumRequests } from './minimum.js';

export function writeWorld(size: number, seed: number, variant: Variant, dir: string, customers?: number): string[] {
  const world = generateWorld(size, seed, variant, customers === undefined ? {} : { customers });
  const out = resolve(dir);
  mkdirSync(out, { recursive: true });
  const files = [join(out, 'seed.json'), join(out, 'halo-sync.yaml'), join(out, 'facts.json')];
  writeFileSync(files[0] as string, `${JSON.stringify(world.seed)}\n`);
  writeFileSync(files[1] as string, world.configYaml);
  writeFileSync(files[2] as string, `${JSON.stringify({ size, seed, variant, minimum: minimumRequests(world) }, null, 2)}\n`);
  return files;
}
