/**
 * `signIn` → Halo's Google Sign-In settings on `/api/Control`. The ONE table of how the config maps
 * to Control fields. Only fields that differ from Halo's live values are written.
 *
 * ASSUMPTION: Halo does not document `googlessotype`. We take 1 = agents only, 2 = end-user portal
 * only, 3 = both, by analogy with Halo's other SSO "type" integers; `google_application` holds the
 * OAuth client id without its `.apps.googleusercontent.com` suffix (as Halo's guide asks). `doctor`
 * shows the live values so an operator can check this table against their instance.
 */
import type { Config } from '../config/types.js';
import type { HaloControl } from '../model/halo.js';
import type { FieldValue, PlanWarning } from './types.js';
import { sameValue, toFieldValue } from './values.js';
import { autoRedirectHeld } from './warnings.js';

type SignIn = NonNullable<Config['signIn']>;

export interface SignInSetting {
  /** Control field name. */
  control: 'enablegooglesso' | 'googlessotype' | 'google_application' | 'googlessoautoredirect';
  /** The config keys it follows, for explanations. */
  from: string;
  /** The desired value, or undefined when the config does not say (leave Halo's value alone). */
  desired(signIn: SignIn): string | number | boolean | undefined;
}

export const SIGN_IN_SETTINGS: readonly SignInSetting[] = [
  { control: 'enablegooglesso', from: 'signIn.agents, signIn.portal', desired: (s) => s.agents || s.portal },
  {
    control: 'googlessotype',
    from: 'signIn.agents, signIn.portal',
    desired: (s) => (s.agents && s.portal ? 3 : s.agents ? 1 : s.portal ? 2 : undefined),
  },
  { control: 'google_application', from: 'signIn.appId', desired: (s) => s.appId },
  { control: 'googlessoautoredirect', from: 'signIn.autoRedirect', desired: (s) => s.autoRedirect },
];

export interface SignInPlan {
  fields: Array<{ field: string; before: FieldValue; after: FieldValue }>;
  body: Record<string, unknown>;
  warnings: PlanWarning[];
}

/** Halo's booleans may be null: null means off. */
function current(control: HaloControl, field: SignInSetting['control']): unknown {
  const value = control[field];
  if ((field === 'enablegooglesso' || field === 'googlessoautoredirect') && (value === null || value === undefined)) return false;
  return value;
}

export function planSignIn(config: Config, control: HaloControl): SignInPlan {
  const plan: SignInPlan = { fields: [], body: {}, warnings: [] };
  const signIn = config.signIn;
  if (!signIn) return plan;
  const enabledNow = current(control, 'enablegooglesso') === true;
  const enabledAfter = signIn.agents || signIn.portal;
  for (const setting of SIGN_IN_SETTINGS) {
    const after = setting.desired(signIn);
    if (after === undefined) continue;
    const before = current(control, setting.control);
    if (sameValue(before, after, false)) continue;
    // Auto-redirect sends everyone straight to Google: switched on before sign-in is known to
    // work, it locks people out. Halo's guide asks to confirm sign-in first; so do we.
    if (setting.control === 'googlessoautoredirect' && after === true && !(enabledNow && enabledAfter)) {
      plan.warnings.push(autoRedirectHeld(enabledAfter
        ? 'Google sign-in is not enabled in Halo yet (this plan enables it)'
        : 'signIn enables Google sign-in for neither agents nor the portal'));
      continue;
    }
    plan.fields.push({ field: setting.control, before: toFieldValue(before), after });
    plan.body[setting.control] = after;
  }
  return plan;
}
