/**
 * Halo checks that judge what was read: the names the config uses exist (the planner's own
 * reference check, with its "did you mean"), Halo's own Google Workspace integrator is off (two
 * writers would fight over the same people), and the live Google Sign-In settings next to what
 * `signIn` asks for (the mapping of `googlessotype` is an assumption: showing the live values lets
 * an operator check it against their instance).
 */
import { formatDiagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { LoadedConfig } from '../config/types.js';
import type { HaloControl, HaloSnapshot } from '../model/halo.js';
import { resolveReferences } from '../plan/references.js';
import { planSignIn, SIGN_IN_SETTINGS } from '../plan/sign-in-settings.js';
import { isCustomTarget } from '../fields/halo-fields.js';
import type { HaloReads } from './halo-reads.js';
import { check, skipped, type DoctorCheck } from './types.js';

const REFS_TITLE = 'Halo names in the config exist';
const WRITERS_TITLE = "Halo's own Google Workspace integrator";
const SIGN_IN_TITLE = 'Halo Google Sign-In settings';

/** How many names of each kind the config uses, for the ok line. */
function nameCounts(loaded: LoadedConfig): string {
  const { config } = loaded;
  const unique = (names: string[]) => new Set(names.map((n) => n.trim().toLowerCase())).size;
  const parts: Array<[number, string, string]> = [
    [unique(config.mappings.flatMap((m) => (m.site === undefined ? [] : [m.site]))), 'site', 'sites'],
    [unique([...config.mappings.flatMap((m) => (m.defaultRole === undefined ? [] : [m.defaultRole])), ...config.roles.map((r) => r.role), ...config.licence.activeRoles]), 'role', 'roles'],
    [unique(config.cabs.map((c) => c.cab)), 'CAB', 'CABs'],
    [unique([...config.fields.users, ...config.fields.agents].filter((f) => isCustomTarget(f.to)).map((f) => f.to)), 'custom field', 'custom fields'],
    [unique(config.safety.protectedAgents), 'protected agent', 'protected agents'],
  ];
  return parts.map(([n, one, many]) => `${n} ${n === 1 ? one : many}`).join(', ');
}

export function checkReferences(loaded: LoadedConfig, reads: HaloReads): DoctorCheck {
  const needed = ['agents', 'sites', 'roles', 'cabs', 'fields'] as const;
  const missing = needed.filter((key) => reads[key] === undefined);
  if (missing.length > 0) return skipped('halo.references', REFS_TITLE, `needs the Halo reads of ${missing.join(', ')}, which failed above`);
  const snapshot: HaloSnapshot = {
    users: [],
    agents: reads.agents ?? [],
    sites: reads.sites ?? [],
    clients: reads.clients ?? [],
    roles: reads.roles ?? [],
    cabs: reads.cabs ?? [],
    fields: reads.fields ?? [],
    control: reads.control ?? {},
  };
  const { diagnostics } = resolveReferences(loaded, snapshot);
  const items = sortDiagnostics(diagnostics).map(formatDiagnostic);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    return check('halo.references', REFS_TITLE, 'fail', `${errors} name${errors === 1 ? '' : 's'} in ${loaded.file} ${errors === 1 ? 'does' : 'do'} not exist in Halo`, {
      items,
      fix: `correct the names in ${loaded.file} (compared case-insensitively), or create them in Halo first`,
    });
  }
  if (items.length > 0) {
    return check('halo.references', REFS_TITLE, 'warn', `found (${nameCounts(loaded)}), with warnings`, {
      items,
      fix: 'a protected agent that is not in Halo protects nobody: correct the email, or ignore this until the agent exists',
    });
  }
  return check('halo.references', REFS_TITLE, 'ok', `all found (${nameCounts(loaded)})`);
}

export function checkTwoWriters(control: HaloControl | undefined): DoctorCheck {
  if (!control) return skipped('halo.two-writers', WRITERS_TITLE, 'needs the Halo settings (Control) read, which failed above');
  if (control.halointegrator_googleworkplace !== true) return check('halo.two-writers', WRITERS_TITLE, 'ok', 'switched off: halo-sync is the only writer');
  const last = [
    control.halointegrator_googleworkplace_lastsync ? `last sync ${String(control.halointegrator_googleworkplace_lastsync)}` : '',
    control.halointegrator_googleworkplace_lasterror ? `last error "${String(control.halointegrator_googleworkplace_lasterror)}"` : '',
  ].filter(Boolean);
  return check('halo.two-writers', WRITERS_TITLE, 'warn', `switched on${last.length ? ` (${last.join(', ')})` : ''}: it and halo-sync would both edit the same people`, {
    fix: "switch off Halo's Google Workspace sync in the Halo Integrator (Configuration › Integrations › Identity Management › Google Workspace › Halo Integrator), so halo-sync is the only writer",
  });
}

function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** The live values, in the order of the documented table. */
function liveSignIn(control: HaloControl): string {
  return SIGN_IN_SETTINGS.map((s) => `${s.control}=${shown(control[s.control])}`).join(', ');
}

const TYPE_ASSUMPTION = 'googlessotype is read as 1 = agents, 2 = portal, 3 = both (Halo does not document it): compare with Halo › Configuration › Integrations › Google Workspace';

export function checkSignIn(loaded: LoadedConfig, control: HaloControl | undefined): DoctorCheck {
  if (!control) return skipped('halo.sign-in', SIGN_IN_TITLE, 'needs the Halo settings (Control) read, which failed above');
  const live = `live ${liveSignIn(control)}`;
  if (!loaded.config.signIn) return check('halo.sign-in', SIGN_IN_TITLE, 'ok', `not managed (no signIn in ${loaded.file}); ${live}`);
  const plan = planSignIn(loaded.config, control);
  const changes = plan.fields.map((f) => `${f.field} ${shown(f.before)} → ${shown(f.after)}`);
  const wanted = changes.length > 0 ? `the next plan changes ${changes.join(', ')}` : 'matches signIn';
  const items = [TYPE_ASSUMPTION, ...plan.warnings.map((w) => w.message)];
  if (plan.warnings.length > 0) return check('halo.sign-in', SIGN_IN_TITLE, 'warn', `${live}; ${wanted}`, { items });
  return check('halo.sign-in', SIGN_IN_TITLE, 'ok', `${live}; ${wanted}`, { items });
}
