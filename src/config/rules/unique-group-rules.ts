import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { report, whereIs, type RuleContext } from './context.js';

function duplicates<T>(context: RuleContext, section: 'roles' | 'cabs', items: readonly T[], target: (item: T) => string, label: (item: T) => string): Diagnostic[] {
  const first = new Map<string, number>();
  const out: Diagnostic[] = [];
  items.forEach((item, index) => {
    const key = target(item);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, index);
      return;
    }
    out.push(
      report(context, {
        code: `duplicate-${section === 'roles' ? 'role' : 'cab'}-rule`,
        pointer: `/${section}/${index}`,
        message: `${section}[${index}] repeats ${section}[${earlier}] (at ${whereIs(context, `/${section}/${earlier}`)}): ${label(item)} is listed twice; remove one`,
      }),
    );
  });
  return out;
}

/** The same group → role (or group → CAB) twice is a copy-paste slip; say so instead of merging silently. */
export function uniqueGroupRules(context: RuleContext): Diagnostic[] {
  const { roles, cabs } = context.config;
  return [
    ...duplicates(context, 'roles', roles, (r) => `${r.group.toLowerCase()}\u0000${r.role.toLowerCase()}`, (r) => `${r.group} → role '${r.role}'`),
    ...duplicates(context, 'cabs', cabs, (c) => `${c.group.toLowerCase()}\u0000${c.cab.toLowerCase()}`, (c) => `${c.group} → CAB '${c.cab}'`),
  ];
}
