import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/types.js';
import type { HaloControl } from '../../src/model/halo.js';
import { lines, planOf, warningCodes, world } from '../builders.js';

type SignIn = NonNullable<Config['signIn']>;
const signIn = (over: Partial<SignIn> = {}): SignIn => ({ agents: true, portal: false, autoRedirect: false, ...over });

function settingsPlan(config: SignIn | undefined, control: HaloControl) {
  return planOf(world({ config: config ? { signIn: config } : {}, halo: { control } }));
}

describe('Google Sign-In settings', () => {
  it.each([
    { name: 'agents only', cfg: signIn(), control: {}, want: 'settings settings enablegooglesso: false → true, googlessotype: ∅ → 1' },
    { name: 'portal only', cfg: signIn({ agents: false, portal: true }), control: {}, want: 'settings settings enablegooglesso: false → true, googlessotype: ∅ → 2' },
    { name: 'both, with app id', cfg: signIn({ portal: true, appId: '2048-abc' }), control: { enablegooglesso: true, googlessotype: 1 }, want: 'settings settings googlessotype: 1 → 3, google_application: ∅ → 2048-abc' },
    { name: 'turning sign-in off', cfg: signIn({ agents: false }), control: { enablegooglesso: true, googlessotype: 1 }, want: 'settings settings enablegooglesso: true → false' },
    { name: 'auto-redirect once sign-in is already on', cfg: signIn({ autoRedirect: true }), control: { enablegooglesso: true, googlessotype: 1 }, want: 'settings settings googlessoautoredirect: false → true' },
  ])('writes only what differs: $name', ({ cfg, control, want }) => {
    const { plan, writes } = settingsPlan(cfg, control);
    expect(lines(plan)).toEqual([want]);
    expect(plan.summary.settings.update).toBe(1);
    expect(Object.keys(writes.settings?.body ?? {})).toEqual(plan.changes[0]?.fields.map((f) => f.field));
    expect(writes.settings?.changes).toEqual([0]);
  });

  it('plans nothing when Halo already matches (null booleans count as off)', () => {
    const { plan, writes } = settingsPlan(signIn({ appId: 'x' }), { enablegooglesso: true, googlessotype: 1, google_application: ' x ', googlessoautoredirect: null });
    expect(plan.changes).toEqual([]);
    expect(writes.settings).toBeNull();
  });

  it('leaves Sign-In alone without a signIn section', () => {
    expect(settingsPlan(undefined, { enablegooglesso: false }).plan.changes).toEqual([]);
  });

  it('holds auto-redirect back while this plan is the one enabling sign-in, and says why', () => {
    const { plan, writes } = settingsPlan(signIn({ autoRedirect: true }), { enablegooglesso: false });
    expect(lines(plan)).toEqual(['settings settings enablegooglesso: false → true, googlessotype: ∅ → 1']);
    expect(writes.settings?.body).not.toHaveProperty('googlessoautoredirect');
    expect(warningCodes(plan)).toEqual(['auto-redirect-held']);
    expect(plan.warnings[0]?.message).toContain('Enable sign-in, confirm it works, and the next run turns on auto-redirect');
  });

  it('settings come first in the plan', () => {
    const { plan } = planOf(world({ config: { signIn: signIn() }, people: [{ id: '1', primaryEmail: 'a@acme.test', name: { givenName: 'A', familyName: 'B' } }] }));
    expect(plan.changes.map((c) => c.action)).toEqual(['settings', 'create']);
  });
});

describe('two writers', () => {
  it("warns loudly when Halo's own Google Workspace integrator is on", () => {
    const { plan } = settingsPlan(undefined, { halointegrator_googleworkplace: true });
    expect(warningCodes(plan)).toEqual(['two-writers']);
    expect(plan.warnings[0]?.message).toMatch(/both edit the same people/);
  });

  it.each([false, null, undefined])('is quiet when the integrator is %s', (value) => {
    expect(settingsPlan(undefined, { halointegrator_googleworkplace: value }).plan.warnings).toEqual([]);
  });
});
