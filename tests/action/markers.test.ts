/** Markers and the reviewed-plan record: unique per config, unbreakable, tamper-evident. */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeConfigKey, marker, planFingerprint, readReviewed, reviewedLines } from '../../src/action/markers.js';
import { fitBytes } from '../../src/action/summary.js';
import { slugOf } from '../../src/action/context.js';
import { canonicalJson } from '../../src/plan/index.js';
import type { Plan } from '../../src/plan/types.js';
import { renderPlanJson } from '../../src/render/index.js';

function plan(changes: number, extra = ''): Plan {
  return {
    formatVersion: 1,
    configDigest: `sha256:${'1'.repeat(64)}`,
    snapshotDigest: `sha256:${'2'.repeat(64)}`,
    summary: { users: { create: changes, update: 0, link: 0, deactivate: 0, reactivate: 0 }, agents: { create: 0, update: 0, link: 0, deactivate: 0, reactivate: 0 }, roles: { add: 0, remove: 0 }, cabs: { add: 0, remove: 0 }, settings: { update: 0 } },
    changes: Array.from({ length: changes }, (_, i) => ({
      subject: 'user' as const,
      action: 'create' as const,
      googleId: String(100000 + i),
      email: `p${i}@acme.example`,
      haloId: null,
      mapping: 'staff',
      reason: `new ${extra}`,
      fields: [{ field: 'title', before: null, after: `Title ${i} ${extra}` }],
      roles: { add: [], remove: [] },
      cabs: { add: [], remove: [] },
    })),
    warnings: [],
    safety: { ok: true, violations: [] },
  };
}

describe('markers', () => {
  it('is one marker per config path and kind', () => {
    expect(marker('plan', 'halo-sync.yaml')).toBe('<!-- halo-sync:plan config=halo-sync.yaml -->');
    expect(marker('plan', 'a.yaml')).not.toBe(marker('apply', 'a.yaml'));
    expect(marker('plan', 'customers/a.yaml')).not.toBe(marker('plan', 'customers/b.yaml'));
  });

  it('cannot be closed early or confused by an odd path', () => {
    for (const path of ['we ird/--> <b>.yaml', 'a b.yaml', 'x\n-->.yaml']) {
      const m = marker('plan', path);
      expect(m.match(/-->/g)).toHaveLength(1);
      expect(m).not.toContain('\n');
      expect(m).not.toContain(' b.yaml');
    }
    expect(encodeConfigKey('a b')).not.toBe(encodeConfigKey('a_b'));
    expect(slugOf('customers/acme.yaml')).toBe('customers-acme-yaml');
  });
});

describe('the reviewed-plan record', () => {
  it('round-trips fingerprint, head and the plan itself', () => {
    const p = plan(3);
    const record = readReviewed(`text\n${reviewedLines(p, 'ABCDEF1234567', { privacy: false, embedLimit: 20_000 })}\n`)!;
    expect(record).toEqual({ fingerprint: planFingerprint(p), head: 'abcdef1234567', changes: 3, plan: p });
  });

  it('keeps its fingerprint: sha256 of the canonical JSON of changes and safety (comments already posted carry it)', () => {
    // The reference formula, kept here so a change to the hashing cannot slip by.
    const reference = (p: Plan) => `sha256:${createHash('sha256').update(canonicalJson({ changes: p.changes, safety: p.safety })).digest('hex')}`;
    const plans: Plan[] = [plan(0), plan(3), plan(50, 'ünïcode ✓'), { ...plan(2), safety: { ok: false, violations: [{ code: 'max-deactivations', message: 'm', limit: 1, actual: 2 }] } }];
    for (const p of plans) {
      expect(planFingerprint(p)).toBe(reference(p));
    }
    expect(planFingerprint(plan(3))).toBe('sha256:4567414034d6f2de1166e5dd13ab0c75d008990186bd3e174396620b418c01b7');
  });

  it('fingerprints changes and the safety verdict only (digests are informational)', () => {
    const p = plan(2);
    expect(planFingerprint({ ...p, snapshotDigest: `sha256:${'9'.repeat(64)}`, warnings: [{ code: 'x', message: 'y' }] })).toBe(planFingerprint(p));
    expect(planFingerprint(plan(2, 'other'))).not.toBe(planFingerprint(p));
    expect(planFingerprint({ ...p, safety: { ok: false, violations: [] } })).not.toBe(planFingerprint(p));
  });

  it('leaves the plan out in privacy mode and when too large', () => {
    expect(reviewedLines(plan(3), null, { privacy: true, embedLimit: 20_000 })).not.toContain('reviewed-plan');
    const big = reviewedLines(plan(2000, 'padding'), null, { privacy: false, embedLimit: 2_000 });
    expect(big).not.toContain('reviewed-plan');
    expect(readReviewed(big)).toMatchObject({ head: null, changes: 2000, plan: null });
  });

  it('embeds the plan exactly when its gzip+base64 is within the limit, checked at and around the boundary', () => {
    const packedLength = (text: string) => /gzip\+base64=([A-Za-z0-9+/=]+) -->/.exec(text)?.[1]?.length ?? null;
    for (const p of [plan(1), plan(40), plan(300, 'padding')]) {
      // The reference: compress everything, then compare the base64 length with the limit.
      const full = gzipSync(renderPlanJson(p), { level: 9 }).toString('base64');
      for (let limit = full.length - 6; limit <= full.length + 6; limit++) {
        const lines = reviewedLines(p, null, { privacy: false, embedLimit: limit });
        expect(packedLength(lines)).toBe(full.length <= limit ? full.length : null);
        if (full.length <= limit) expect(readReviewed(lines)?.plan).toEqual(p);
      }
    }
    for (const limit of [-1, 0, 1, 3, 4, 20]) {
      expect(reviewedLines(plan(1), null, { privacy: false, embedLimit: limit })).not.toContain('reviewed-plan');
    }
  });

  it('ignores a carried plan that does not hash to the recorded fingerprint, and garbage', () => {
    const lines = reviewedLines(plan(3), null, { privacy: false, embedLimit: 20_000 });
    const other = reviewedLines(plan(3, 'tampered'), null, { privacy: false, embedLimit: 20_000 }).split('\n')[1]!;
    const forged = `${lines.split('\n')[0]}\n${other}`;
    expect(readReviewed(forged)?.plan).toBeNull();
    expect(readReviewed(`${lines.split('\n')[0]}\n<!-- halo-sync:reviewed-plan v=1 gzip+base64=AAAA -->`)?.plan).toBeNull();
    expect(readReviewed('no record here')).toBeNull();
  });
});

describe('fitBytes', () => {
  it('re-renders smaller until the UTF-8 size fits', () => {
    const render = (maxChars: number) => 'é'.repeat(Math.min(maxChars, 10_000));
    const text = fitBytes(render, 5_000);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(5_000);
    expect(text.length).toBeGreaterThan(2_000);
    expect(fitBytes((n) => 'a'.repeat(Math.min(n, 100)), 5_000)).toHaveLength(100);
  });
});
