/** Shared printing helpers for the commands: diagnostics, colour decision, secret scrubbing. */
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { redactSecrets } from '../diagnostics/redact.js';
import { shouldUseColor } from '../render/index.js';
import type { CliIO, OutputStream } from './io.js';

/** Every secret the environment could hold; output is scrubbed of them as a last line of defence. */
export function knownSecrets(io: CliIO): Array<string | undefined> {
  return [io.env.HALO_CLIENT_SECRET, io.env.GOOGLE_ACCESS_TOKEN];
}

export function writeClean(io: CliIO, stream: OutputStream, text: string): void {
  stream.write(redactSecrets(text, knownSecrets(io)));
}

export function printDiagnostics(io: CliIO, diagnostics: readonly Diagnostic[]): void {
  for (const d of sortDiagnostics(diagnostics)) writeClean(io, io.stderr, `${formatDiagnostic(d)}\n`);
}

/** Colour for stdout unless NO_COLOR, --no-color or not a terminal (FORCE_COLOR forces it). */
export function useColor(io: CliIO, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  return shouldUseColor(io.env, io.stdout.isTTY);
}
