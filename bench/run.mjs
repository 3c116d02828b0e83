#!/usr/bin/env node
// `npm run bench -- [--sizes 1k,10k[,100k]] [...]`: bundles the bench (TypeScript under bench/, which
// imports src/ directly) with esbuild into node_modules/.cache/halo-sync-bench/, then runs it.
// There is no TypeScript loader for node here; bundling takes about a second. See bench/README.md.
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'node_modules', '.cache', 'halo-sync-bench');

await build({
  entryPoints: {
    main: join(root, 'bench', 'main.ts'),
    'sandbox-child': join(root, 'bench', 'sandbox-child.ts'),
    'planner-child': join(root, 'bench', 'planner-child.ts'),
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outdir,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});

const { runBench } = await import(pathToFileURL(join(outdir, 'main.mjs')).href);
process.exitCode = await runBench(process.argv.slice(2), { root, bundleDir: outdir });
