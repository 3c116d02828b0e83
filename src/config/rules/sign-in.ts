import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { report, type RuleContext } from './context.js';

const SUFFIX = '.apps.googleusercontent.com';

/** Halo wants the OAuth client id without Google's suffix, and auto-redirect only once sign-in is on. */
export function signIn(context: RuleContext): Diagnostic[] {
  const settings = context.config.signIn;
  if (!settings) return [];
  const out: Diagnostic[] = [];
  if (settings.appId !== undefined && settings.appId.toLowerCase().endsWith(SUFFIX)) {
    const bare = settings.appId.slice(0, -SUFFIX.length);
    out.push(report(context, { code: 'sign-in-app-id-suffix', pointer: '/signIn/appId', message: `signIn.appId is written without the ${SUFFIX} suffix (Halo adds it): use "${bare}"` }));
  }
  if (settings.autoRedirect && !settings.agents && !settings.portal) {
    out.push(
      report(context, {
        code: 'sign-in-auto-redirect-without-sign-in',
        pointer: '/signIn/autoRedirect',
        message: 'signIn.autoRedirect needs Google sign-in enabled for agents or the portal (signIn.agents or signIn.portal: true); redirecting to a sign-in that is off would lock people out of the login page',
      }),
    );
  }
  return out;
}
