#!/usr/bin/env node
// Checks that the committed Action bundle (dist/) is what the current sources build to: rebuilds
// into a temporary folder with scripts/build-action.mjs and compares file by file. Exit 0 when
// fresh; exit 1 naming each stale, missing or unexpected file and the command that fixes it.
// Run by .ci/run (which ci.yml runs on every supported Node), after `npm ci`.
//
//   node scripts/check-dist.mjs
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAction, BUNDLE_FILES, ROOT } from './build-action.mjs';

const committed = join(ROOT, 'dist');
const fresh = mkdtempSync(join(tmpdir(), 'halo-sync-dist-'));
const problems = [];
try {
  await buildAction(fresh);
  for (const name of BUNDLE_FILES) {
    const path = join(committed, name);
    if (!existsSync(path)) {
      problems.push(`dist/${name} is missing`);
      continue;
    }
    const want = readFileSync(join(fresh, name));
    const have = readFileSync(path);
    if (!want.equals(have)) problems.push(`dist/${name} differs from a fresh build (${have.length} bytes committed, ${want.length} bytes built)`);
  }
  if (existsSync(committed)) {
    for (const name of readdirSync(committed)) {
      if (!BUNDLE_FILES.includes(name)) problems.push(`dist/${name} is not produced by the build (delete it)`);
    }
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`The committed Action bundle is stale:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  console.error('Fix: run `npm run build:action` and commit dist/ together with the source change.');
  process.exit(1);
}
console.log(`dist/ is fresh (${BUNDLE_FILES.join(', ')} match a fresh build).`);
