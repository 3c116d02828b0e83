/**
 * Plans the size the bench makes (an initial import of 100k people) render in every format. Found
 * by the bench: `apply` of an 80k-person initial import crashed printing the text plan, because
 * `lines.push(...allLines)` passed every line as a call argument and overflowed the stack.
 */
import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/plan/types.js';
import { renderPlanJson, renderPlanMarkdown, renderPlanText } from '../../src/render/index.js';
import { CONTEXT, change, plan } from '../render/fixtures.js';

function creates(count: number): Change[] {
  return Array.from({ length: count }, (_, i) =>
    change('user', 'create', {
      googleId: String(100_000_000 + i),
      email: `person${i}@harbordental.example`,
      mapping: 'harbor-main-clinic',
      reason: 'in mapping "harbor-main-clinic", no Halo user yet',
      fields: [['firstname', null, `Person${i}`], ['surname', null, 'Example'], ['emailaddress', null, `person${i}@harbordental.example`], ['title', null, 'Hygienist']],
    }),
  );
}

describe('plans of 30k changes and 130k warnings', () => {
  const big = plan(creates(30_000), Array.from({ length: 130_000 }, (_, i) => ({ code: 'ambiguous-match', message: `person ${i} is ambiguous`, email: `p${i}@x.example` })));

  it('render as text without overflowing the stack, every change shown', () => {
    const text = renderPlanText(big, CONTEXT, { color: false });
    expect(text).toContain('person29999@harbordental.example');
    expect(text).toContain('person 129999 is ambiguous');
  });

  it('render as Markdown (within the comment budget) and JSON', () => {
    const many = plan(creates(30_000));
    expect(renderPlanMarkdown(many, CONTEXT)).toContain('**Plan: 30,000 to create.**');
    expect(JSON.parse(renderPlanJson(many)).changes).toHaveLength(30_000);
  });
});
