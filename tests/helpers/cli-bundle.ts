/**
 * The CLI as one runnable file, for tests that need halo-sync in its own process (signals, stdout
 * of a child, two processes at once). Bundled with esbuild from src/ (about a second), so the tests
 * do not depend on `npm run build` or touch lib/. The bundle sits two folders below the repository
 * root (node_modules/.cache), where bare imports resolve to the installed dependencies.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliBundle {
  /** Path of the bundled CLI: run it with `process.execPath`. */
  file: string;
  remove(): Promise<void>;
}

/** `name` keeps bundles of test files that run in parallel apart. */
export async function buildCliBundle(name: string): Promise<CliBundle> {
  const file = join(REPO_ROOT, 'node_modules', '.cache', `halo-sync-cli-${name}-${process.pid}.mjs`);
  await build({
    stdin: {
      contents: "import { main } from './src/cli/main.ts';\nprocess.exitCode = await main(process.argv.slice(2));\n",
      resolveDir: REPO_ROOT,
      sourcefile: 'halo-sync-test-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: file,
    logLevel: 'silent',
  });
  return { file, remove: () => rm(file, { force: true }) };
}
