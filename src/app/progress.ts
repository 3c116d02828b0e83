/**
 * Progress on long reads: one status line redrawn on a terminal (stderr), nothing when stderr is
 * not a terminal (CI logs stay clean; the summary lines that follow say what was read).
 */
import { describeProgress, type ReadProgress } from '../google/progress.js';
import type { HaloProgressEvent } from '../halo/types.js';
import type { OutputStream } from '../cli/io.js';

export interface ProgressReporter {
  google(progress: ReadProgress): void;
  halo(event: HaloProgressEvent): void;
  /** A one-off note (e.g. "waiting 12 s for Halo's rate limit"). Shown on a terminal only. */
  note(text: string): void;
  /** Clears the status line before normal output resumes. */
  done(): void;
}

export const silentProgress: ProgressReporter = { google() {}, halo() {}, note() {}, done() {} };

const seconds = (ms: number) => `${Math.ceil(ms / 1000)} s`;

export function describeHaloEvent(event: HaloProgressEvent): string {
  switch (event.type) {
    case 'read':
      return `Halo: reading ${event.resource}: ${event.count.toLocaleString('en-US')}${event.total !== undefined ? ` of ${event.total.toLocaleString('en-US')}` : ''}`;
    case 'rate-wait':
      return `Halo: rate budget (${event.requests} requests / ${event.windowSeconds} s) full, waiting ${seconds(event.waitMs)}`;
    case 'retry':
      return `Halo: ${event.method} ${event.path} failed (${event.cause}); retry ${event.attempt} in ${seconds(event.delayMs)}`;
    case 'write':
      return `Halo: writing ${event.resource}: ${event.done.toLocaleString('en-US')} of ${event.total.toLocaleString('en-US')}${event.failed ? `, ${event.failed} failed` : ''}`;
  }
}

/** A reporter for `stream`: live on a terminal, silent otherwise. */
export function terminalProgress(stream: OutputStream): ProgressReporter {
  if (!stream.isTTY) return silentProgress;
  let google = '';
  let halo = '';
  let drawn = false;
  const draw = () => {
    const line = [google, halo].filter(Boolean).join('  |  ');
    stream.write(`\r\x1b[K${line.slice(0, 160)}`);
    drawn = true;
  };
  return {
    google(progress) {
      google = describeProgress(progress);
      draw();
    },
    halo(event) {
      halo = describeHaloEvent(event);
      draw();
    },
    note(text) {
      stream.write(`${drawn ? '\r\x1b[K' : ''}${text}\n`);
      drawn = false;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
