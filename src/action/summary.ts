/**
 * The job summary (GITHUB_STEP_SUMMARY) and step outputs (GITHUB_OUTPUT).
 *
 * GitHub refuses a step summary over 1 MiB and then shows none, so the whole summary this step
 * writes is budgeted in bytes: the plan is rendered with a character budget and re-rendered smaller
 * until its UTF-8 size fits (names in other scripts take 2–3 bytes a character).
 * The summary is written with appendFile rather than core.summary, whose file path is fixed at the
 * first write of the process.
 */
import * as core from '@actions/core';
import { appendFile } from 'node:fs/promises';
import { redactSecrets } from '../diagnostics/redact.js';

/** GitHub's limit is 1 MiB a step; keep clear of it. */
export const SUMMARY_MAX_BYTES = 1_000_000;
/** What the plan part of a summary may take; the rest is headings, the apply report, notes. */
export const SUMMARY_PLAN_BYTES = 900_000;

/**
 * `render(maxChars)` must keep its output within maxChars characters; returns the largest rendering
 * (tried from `maxBytes` characters down) whose UTF-8 size is within maxBytes.
 */
export function fitBytes(render: (maxChars: number) => string, maxBytes: number): string {
  let chars = maxBytes;
  let text = render(chars);
  for (let tries = 0; Buffer.byteLength(text, 'utf8') > maxBytes && tries < 8; tries++) {
    chars = Math.floor(chars * (maxBytes / Buffer.byteLength(text, 'utf8')) * 0.95);
    text = render(chars);
  }
  return text;
}

export class StepSummary {
  private written = 0;
  constructor(
    private readonly path: string | undefined,
    private readonly secrets: readonly string[],
  ) {}

  /** Appends a part; a part that would take the summary over the limit is replaced by a note. */
  async add(markdown: string): Promise<void> {
    if (!this.path) return;
    let text = redactSecrets(markdown.endsWith('\n') ? markdown : `${markdown}\n`, this.secrets);
    if (this.written + Buffer.byteLength(text, 'utf8') > SUMMARY_MAX_BYTES) {
      text = '\n_(More was cut here to keep the job summary under GitHub’s 1 MiB limit.)_\n';
      if (this.written + text.length > SUMMARY_MAX_BYTES) return;
    }
    await appendFile(this.path, text, 'utf8');
    this.written += Buffer.byteLength(text, 'utf8');
  }
}

/** Outputs through core.setOutput (GITHUB_OUTPUT with a random heredoc delimiter: multiline-safe). */
export function setOutputs(outputs: Record<string, string | number | boolean>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, typeof value === 'string' ? value : String(value));
}
