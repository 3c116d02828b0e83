/**
 * Production install size without packing or downloading anything: the production dependency tree
 * as npm resolves it (`npm ls --omit=dev --all --parseable`), each package directory counted once
 * without its nested node_modules (nested packages are listed on their own), plus halo-sync's own
 * published files (package.json "files": bin, lib, schema, examples). Sizes are file bytes (what npm
 * calls unpacked size) and, for reference, disk blocks.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface InstallMeasure {
  packages: number;
  dependencyBytes: number;
  ownBytes: number;
  totalBytes: number;
  totalDiskBytes: number;
  largest: Array<{ name: string; bytes: number }>;
}

interface Size {
  bytes: number;
  disk: number;
}

function sizeOf(path: string, skipNodeModules: boolean): Size {
  const info = lstatSync(path);
  if (!info.isDirectory()) return { bytes: info.size, disk: info.blocks * 512 };
  const total: Size = { bytes: 0, disk: info.blocks * 512 };
  for (const entry of readdirSync(path)) {
    if (skipNodeModules && entry === 'node_modules') continue;
    const inner = sizeOf(join(path, entry), false);
    total.bytes += inner.bytes;
    total.disk += inner.disk;
  }
  return total;
}

export function measureInstall(root: string): InstallMeasure {
  const listed = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const dirs = [...new Set(listed.split('\n').map((l) => l.trim()).filter((l) => l !== '' && l !== root && l !== root.replace(/\/$/, '')))];
  const sizes = dirs.map((dir) => ({ name: dir.slice(dir.lastIndexOf('node_modules/') + 'node_modules/'.length), ...sizeOf(dir, true) }));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files?: string[] };
  const own = [...(pkg.files ?? []), 'package.json', 'README.md', 'LICENSE']
    .map((f) => join(root, f))
    .filter((p) => existsSync(p))
    .map((p) => sizeOf(p, false));
  const dependencyBytes = sizes.reduce((n, s) => n + s.bytes, 0);
  const ownBytes = own.reduce((n, s) => n + s.bytes, 0);
  return {
    packages: sizes.length,
    dependencyBytes,
    ownBytes,
    totalBytes: dependencyBytes + ownBytes,
    totalDiskBytes: sizes.reduce((n, s) => n + s.disk, 0) + own.reduce((n, s) => n + s.disk, 0),
    largest: [...sizes].sort((a, b) => b.bytes - a.bytes).slice(0, 5).map(({ name, bytes }) => ({ name, bytes })),
  };
}
