#!/usr/bin/env node
// Builds the GitHub Action bundle (`npm run build:action`): src/action/entry.ts and everything it
// imports (the app layer, config, planner, renderers, Google and Halo clients, @actions/*) into ONE
// ES module, dist/index.js, that action.yml runs with `runs.using: node24` — the runner has no
// node_modules. Also writes dist/package.json (marks index.js as ESM wherever the folder is copied)
// and dist/licenses.txt (the licence of every bundled package: they ship inside the bundle).
//
//   node scripts/build-action.mjs [--outdir DIR]      (default: dist)
//
// The output is deterministic (same sources, same esbuild → same bytes), which is what
// scripts/check-dist.mjs relies on to tell a stale committed bundle from a fresh one.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_FILES = ['index.js', 'package.json', 'licenses.txt'];

const BANNER = [
  '// halo-sync GitHub Action, bundled by scripts/build-action.mjs from src/action/entry.ts. Do not edit:',
  '// change the sources, run `npm run build:action` and commit dist/. Licences: dist/licenses.txt.',
  // Bundled CommonJS dependencies call require() for Node built-ins; give the ES module one.
  "import { createRequire as __haloSyncCreateRequire } from 'node:module';",
  'const require = __haloSyncCreateRequire(import.meta.url);',
].join('\n');

const LICENSE_NAMES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'license.md', 'LICENCE', 'LICENCE.md', 'COPYING'];

/** The package folder (…/node_modules/<name> or …/node_modules/@scope/<name>) of a bundled input. */
function packageDir(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match ? match[1] : null;
}

function licensesText(metafile) {
  const dirs = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, info] of Object.entries(output.inputs)) {
      if (info.bytesInOutput === 0) continue;
      const dir = packageDir(input);
      if (dir) dirs.add(dir);
    }
  }
  const entries = [];
  for (const dir of dirs) {
    const pkg = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8'));
    const file = LICENSE_NAMES.map((name) => join(ROOT, dir, name)).find((path) => existsSync(path));
    const licence = typeof pkg.license === 'string' ? pkg.license : 'UNKNOWN';
    const text = file ? readFileSync(file, 'utf8').trim() : `(no licence file in the package; its package.json says ${licence})`;
    entries.push({ key: `${pkg.name}@${pkg.version}`, text: `${pkg.name} ${pkg.version} — ${licence}\n\n${text}\n` });
  }
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const unique = entries.filter((e, i) => i === 0 || entries[i - 1].key !== e.key);
  const rule = `\n${'-'.repeat(78)}\n\n`;
  return `Third-party software bundled in dist/index.js (${unique.length} packages)\n\n${unique.map((e) => e.text).join(rule)}`;
}

/** Builds into `outdir` (absolute, or relative to the repository root); returns the paths written. */
export async function buildAction(outdir = 'dist') {
  const dir = resolve(ROOT, outdir);
  mkdirSync(dir, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/action/entry.ts'],
    outfile: join(dir, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    // action.yml runs it on node24; node20 keeps the bundle loadable by the CLI's minimum Node too.
    target: 'node20',
    minify: true,
    legalComments: 'none',
    banner: { js: BANNER },
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ type: 'module', private: true }, null, 2)}\n`);
  writeFileSync(join(dir, 'licenses.txt'), licensesText(result.metafile));
  return BUNDLE_FILES.map((name) => join(dir, name));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--outdir');
  const outdir = at > 0 ? process.argv[at + 1] : 'dist';
  const files = await buildAction(outdir);
  const size = readFileSync(files[0]).length;
  console.log(`Built ${files.map((f) => f.replace(`${ROOT}/`, '')).join(', ')} (index.js: ${(size / 1024).toFixed(0)} KiB)`);
}
