/** Small file helpers for the shells: atomic writes, so a crash never leaves half a plan file. */
import { rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text, { encoding: 'utf8', mode: 0o600 });
  await rename(temporary, path);
}

export function resolveFrom(cwd: string, path: string): string {
  return resolve(cwd, path);
}
