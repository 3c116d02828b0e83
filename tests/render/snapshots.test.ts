/**
 * Committed snapshots a reviewer can read: the realistic Brightwater plan, the empty plan and the
 * unsafe plan in every format, privacy mode, the comparison comment and the hostile corpus.
 * A snapshot that changes shows up in the pull request diff of tests/render/__snapshots__/.
 */
import { describe, expect, it } from 'vitest';
import { renderPlanComparisonMarkdown, renderPlanJson, renderPlanMarkdown, renderPlanText } from '../../src/render/index.js';
import { brightwaterPlan, change, CONTEXT, emptyPlan, plan, unsafePlan } from './fixtures.js';
import { HOSTILE_CONTEXT, hostilePlan } from './fixtures-generated.js';

const dir = './__snapshots__';

describe('realistic plan (Brightwater IT)', () => {
  const p = brightwaterPlan();
  it('text without colour', async () => {
    await expect(renderPlanText(p, CONTEXT, { color: false })).toMatchFileSnapshot(`${dir}/plan.txt`);
  });
  it('text with colour', async () => {
    await expect(renderPlanText(p, CONTEXT, { color: true })).toMatchFileSnapshot(`${dir}/plan.color.txt`);
  });
  it('markdown', async () => {
    await expect(renderPlanMarkdown(p, CONTEXT)).toMatchFileSnapshot(`${dir}/plan.md`);
  });
  it('markdown in privacy mode', async () => {
    await expect(renderPlanMarkdown(p, CONTEXT, { privacy: true })).toMatchFileSnapshot(`${dir}/plan.privacy.md`);
  });
  it('json', async () => {
    await expect(renderPlanJson(p)).toMatchFileSnapshot(`${dir}/plan.json`);
  });
});

describe('empty plan', () => {
  const p = emptyPlan();
  it('text', async () => {
    await expect(renderPlanText(p, CONTEXT, { color: false })).toMatchFileSnapshot(`${dir}/empty.txt`);
  });
  it('markdown', async () => {
    await expect(renderPlanMarkdown(p, CONTEXT)).toMatchFileSnapshot(`${dir}/empty.md`);
  });
  it('json', async () => {
    await expect(renderPlanJson(p)).toMatchFileSnapshot(`${dir}/empty.json`);
  });
});

describe('unsafe plan', () => {
  const p = unsafePlan();
  it('text', async () => {
    await expect(renderPlanText(p, CONTEXT, { color: false })).toMatchFileSnapshot(`${dir}/unsafe.txt`);
  });
  it('markdown', async () => {
    await expect(renderPlanMarkdown(p, CONTEXT)).toMatchFileSnapshot(`${dir}/unsafe.md`);
  });
  it('json', async () => {
    await expect(renderPlanJson(p)).toMatchFileSnapshot(`${dir}/unsafe.json`);
  });
});

describe('hostile plan (injection corpus)', () => {
  it('text', async () => {
    await expect(renderPlanText(hostilePlan(), HOSTILE_CONTEXT, { color: false })).toMatchFileSnapshot(`${dir}/hostile.txt`);
  });
  it('markdown', async () => {
    await expect(renderPlanMarkdown(hostilePlan(), HOSTILE_CONTEXT)).toMatchFileSnapshot(`${dir}/hostile.md`);
  });
});

it('comparison of the reviewed plan with the applied plan', async () => {
  const reviewed = brightwaterPlan();
  const appliedChanges = reviewed.changes.filter((c) => c.email !== 'ben.cho@harbordental.example');
  appliedChanges.splice(3, 0, change('user', 'create', {
    googleId: '114820000000000000105', email: 'ines.moreau@harbordental.example', mapping: 'harbor-main-clinic',
    reason: 'new in Google Workspace; no Halo user matches by email or name', fields: [['name', null, 'Inès Moreau'], ['title', null, 'Receptionist']],
  }));
  const applied = plan(appliedChanges.map((c) => (c.email === 'grace.oduya@brightwater.example' ? { ...c, fields: [{ field: 'jobtitle', before: 'Infrastructure Engineer, Networks and Firewalls', after: 'Head of Infrastructure' }] } : c)), reviewed.warnings);
  await expect(renderPlanComparisonMarkdown(reviewed, applied, CONTEXT)).toMatchFileSnapshot(`${dir}/compare.md`);
});
