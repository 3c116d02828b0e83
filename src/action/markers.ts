/**
 * The hidden markers that let the Action find its own comments again (one per config file and
 * kind), and the hidden record of the reviewed plan that apply-on-merge reads back.
 *
 *   <!-- halo-sync:plan config=customers/acme.yaml -->        the sticky plan comment
 *   <!-- halo-sync:apply config=customers/acme.yaml -->       the comment apply posts on merge
 *   <!-- halo-sync:reviewed v=1 fingerprint=sha256:… head=<sha> changes=<n> -->
 *   <!-- halo-sync:reviewed-plan v=1 gzip+base64=… -->        (only when privacy is off and it fits)
 *
 * The key is the config path relative to the repository root, not the workflow: renaming a workflow
 * must not orphan its comment and start a second one (the pile-up of pulumi/actions#519). Two jobs
 * planning the same file into one PR would share a comment; give each target its own config file.
 */
import { constants as bufferConstants } from 'node:buffer';
import { gunzipSync, gzipSync } from 'node:zlib';
import { validCommitSha } from '../app/git-commit.js';
import { configDigest } from '../plan/index.js';
import type { Plan } from '../plan/types.js';
import { parsePlanJson, renderPlanJson } from '../render/index.js';

export type MarkerKind = 'plan' | 'apply';

/** Percent-encodes everything but a safe path alphabet, so a path can never close the HTML comment. */
export function encodeConfigKey(configKey: string): string {
  return configKey.replace(/[^A-Za-z0-9._/@+~-]/g, (ch) => encodeURIComponent(ch)).replace(/-->/g, '--%3E');
}

export function marker(kind: MarkerKind, configKey: string): string {
  return `<!-- halo-sync:${kind} config=${encodeConfigKey(configKey)} -->`;
}

/** What changes and the safety verdict — exactly what `apply --plan` compares to call a plan stale. */
export function planFingerprint(plan: Plan): string {
  // configDigest is sha256 over canonical JSON: the same hash of a different value, so the
  // fingerprints already recorded in comments stay valid.
  return configDigest({ changes: plan.changes, safety: plan.safety });
}

export interface ReviewedRecord {
  fingerprint: string;
  /** The pull request's head commit the plan was made for; null when unknown. */
  head: string | null;
  changes: number;
  /** The reviewed plan itself, when the comment carried it. */
  plan: Plan | null;
}

const MAX_INFLATED = 64 * 1024 * 1024;
const BUFFER_MAX_LENGTH = bufferConstants.MAX_LENGTH;

/**
 * The hidden lines recording the reviewed plan. The compressed plan is personal data, so it is left
 * out in privacy mode, and left out when larger than `embedLimit` characters.
 */
export function reviewedLines(plan: Plan, head: string | null, options: { privacy: boolean; embedLimit: number }): string {
  const lines = [`<!-- halo-sync:reviewed v=1 fingerprint=${planFingerprint(plan)} head=${validCommitSha(head) ?? 'unknown'} changes=${plan.changes.length} -->`];
  const packed = options.privacy ? null : packWithin(renderPlanJson(plan), options.embedLimit);
  if (packed !== null) lines.push(`<!-- halo-sync:reviewed-plan v=1 gzip+base64=${packed} -->`);
  return lines.join('\n');
}

/**
 * The gzip+base64 of `json` when it is at most `limit` characters, else null. Base64 takes 4
 * characters for every 3 bytes (the last group padded), so b bytes fit exactly when
 * 4·⌈b/3⌉ ≤ limit, i.e. b ≤ 3·⌊limit/4⌋: gzip is told to stop there rather than finish a huge
 * plan only for it to be thrown away.
 */
function packWithin(json: string, limit: number): string | null {
  const maxOutputLength = Math.min(3 * Math.floor(limit / 4), BUFFER_MAX_LENGTH);
  if (!(maxOutputLength >= 1)) return null;
  try {
    return gzipSync(json, { level: 9, maxOutputLength }).toString('base64');
  } catch (error) {
    if (error instanceof RangeError && (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw error;
  }
}

const REVIEWED = /<!-- halo-sync:reviewed v=1 fingerprint=(sha256:[0-9a-f]{64}) head=([0-9a-f]{7,64}|unknown) changes=(\d+) -->/;
const REVIEWED_PLAN = /<!-- halo-sync:reviewed-plan v=1 gzip\+base64=([A-Za-z0-9+/=]+) -->/;

function unpack(base64: string): Plan | null {
  try {
    const parsed = parsePlanJson(gunzipSync(Buffer.from(base64, 'base64'), { maxOutputLength: MAX_INFLATED }).toString('utf8'));
    return parsed.plan ?? null;
  } catch {
    return null;
  }
}

/** The reviewed-plan record in a comment body, or null when it has none (a failed or fork plan). */
export function readReviewed(body: string): ReviewedRecord | null {
  const match = REVIEWED.exec(body);
  if (!match) return null;
  const packed = REVIEWED_PLAN.exec(body);
  let plan = packed ? unpack(packed[1]!) : null;
  // A carried plan that does not hash to the recorded fingerprint was tampered with: ignore it.
  if (plan && planFingerprint(plan) !== match[1]) plan = null;
  return { fingerprint: match[1]!, head: match[2] === 'unknown' ? null : match[2]!, changes: Number(match[3]), plan };
}
