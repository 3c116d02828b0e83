/**
 * Progress for the Actions log: plain lines (a CI log cannot redraw a status line), throttled so a
 * 100k-person read logs a line every few seconds, not one per page. Waits and retries are always
 * logged: they explain a slow run.
 */
import { describeHaloEvent, type ProgressReporter } from '../app/progress.js';
import { describeProgress } from '../google/progress.js';

const EVERY_MS = 10_000;

export function logProgress(info: (line: string) => void, now: () => number = Date.now): ProgressReporter {
  const last = { google: 0, halo: 0 };
  const throttled = (key: 'google' | 'halo', line: string, force: boolean) => {
    const t = now();
    if (!force && t - last[key] < EVERY_MS) return;
    last[key] = t;
    info(line);
  };
  return {
    google: (progress) => throttled('google', describeProgress(progress), progress.phase === 'done'),
    halo: (event) => throttled('halo', describeHaloEvent(event), event.type === 'rate-wait' || event.type === 'retry'),
    note: (text) => info(text),
    done() {},
  };
}
