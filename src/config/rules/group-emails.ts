import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { isEmailLike, report, type RuleContext } from './context.js';

/** Groups are named by email in roles and cabs rules, and protected agents by their email. */
export function emailsLookLikeEmails(context: RuleContext): Diagnostic[] {
  const { roles, cabs, safety } = context.config;
  const out: Diagnostic[] = [];
  const check = (value: string, pointer: string, what: string) => {
    if (!isEmailLike(value)) out.push(report(context, { code: 'not-an-email', pointer, message: `'${value}' is not an email address: ${what}` }));
  };
  roles.forEach((r, i) => check(r.group, `/roles/${i}/group`, 'name the Google group by its email, e.g. it-admins@acme.com'));
  cabs.forEach((c, i) => check(c.group, `/cabs/${i}/group`, 'name the Google group by its email, e.g. change-approvers@acme.com'));
  safety.protectedAgents.forEach((a, i) => check(a, `/safety/protectedAgents/${i}`, 'protected agents are named by their email, e.g. breakglass@acme.com'));
  return out;
}
