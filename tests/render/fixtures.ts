/**
 * Hand-written plans for the renderer tests, from the story of the example config (halo-sync.yaml):
 * Brightwater IT, an MSP whose own staff are Halo agents and whose customers' staff (Harbor Dental,
 * Keystone Legal) are Halo end users. Summaries are counted from the changes, as the planner does.
 */
import type { Change, ChangeAction, ChangeSubject, FieldChange, Plan, PlanSummary, PlanWarning, SafetyVerdict } from '../../src/plan/types.js';
import type { RenderContext } from '../../src/render/index.js';

export const CONTEXT: RenderContext = {
  configFile: 'halo-sync.yaml',
  mappings: [
    { name: 'brightwater-staff', agent: true },
    { name: 'harbor-main-clinic', site: 'Harbor Dental - Main Clinic' },
    { name: 'harbor-eastside', site: 'Harbor Dental - Eastside' },
    { name: 'keystone-head-office', site: 'Keystone Legal - Head Office' },
  ],
};

const CONFIG_DIGEST = 'sha256:5f2c1a9e7d3b4c6a8e0f1d2c3b4a59687766554433221100ffeeddccbbaa9988';
const SNAPSHOT_DIGEST = 'sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90123456789abcdef0123456789abcdef';

export function summarize(changes: readonly Change[]): PlanSummary {
  const empty = () => ({ create: 0, update: 0, link: 0, deactivate: 0, reactivate: 0 });
  const summary: PlanSummary = { users: empty(), agents: empty(), roles: { add: 0, remove: 0 }, cabs: { add: 0, remove: 0 }, settings: { update: 0 } };
  for (const c of changes) {
    if (c.subject === 'settings') summary.settings.update += 1;
    else if (c.action !== 'roles' && c.action !== 'cabs' && c.action !== 'settings') summary[c.subject === 'user' ? 'users' : 'agents'][c.action] += 1;
    summary.roles.add += c.roles.add.length;
    summary.roles.remove += c.roles.remove.length;
    summary.cabs.add += c.cabs.add.length;
    summary.cabs.remove += c.cabs.remove.length;
  }
  return summary;
}

export function plan(changes: Change[], warnings: PlanWarning[] = [], safety: SafetyVerdict = { ok: true, violations: [] }): Plan {
  return { formatVersion: 1, configDigest: CONFIG_DIGEST, snapshotDigest: SNAPSHOT_DIGEST, summary: summarize(changes), changes, warnings, safety };
}

interface ChangeSpec {
  googleId?: string | null;
  email?: string | null;
  haloId?: number | null;
  mapping?: string | null;
  reason: string;
  fields?: Array<[string, FieldChange['before'], FieldChange['after']]>;
  roles?: { add?: string[]; remove?: string[] };
  cabs?: { add?: string[]; remove?: string[] };
}

export function change(subject: ChangeSubject, action: ChangeAction, spec: ChangeSpec): Change {
  return {
    subject,
    action,
    googleId: spec.googleId ?? null,
    email: spec.email ?? null,
    haloId: spec.haloId ?? null,
    mapping: spec.mapping ?? null,
    reason: spec.reason,
    fields: (spec.fields ?? []).map(([field, before, after]) => ({ field, before, after })),
    roles: { add: spec.roles?.add ?? [], remove: spec.roles?.remove ?? [] },
    cabs: { add: spec.cabs?.add ?? [], remove: spec.cabs?.remove ?? [] },
  };
}

const staff = 'brightwater-staff';

/** The realistic plan: every action, both imports, settings, warnings; within the safety limits. */
export function brightwaterPlan(): Plan {
  return plan(
    [
      change('settings', 'settings', {
        reason: 'signIn: Google Sign-In for agents is on in halo-sync.yaml and off in Halo',
        fields: [['enablegooglesso', false, true], ['google_application', null, '204815162342-brightwaterhalo']],
      }),
      change('user', 'create', {
        googleId: '114820000000000000101', email: 'amelia.hart@harbordental.example', mapping: 'harbor-main-clinic',
        reason: 'new in Google Workspace; no Halo user matches by email or name',
        fields: [['name', null, 'Amelia Hart'], ['firstname', null, 'Amelia'], ['surname', null, 'Hart'], ['site', null, 'Harbor Dental - Main Clinic'],
          ['emailaddress', null, 'amelia.hart@harbordental.example'], ['title', null, 'Dentist'], ['department', null, 'Clinical'],
          ['phonenumber', null, '+1 555 0100'], ['custom:CFEmployeeNumber', null, 'HD-0042']],
      }),
      change('user', 'create', {
        googleId: '114820000000000000301', email: 'dev.patel@keystonelegal.example', mapping: 'keystone-head-office',
        reason: 'new in Google Workspace; no Halo user matches by email or name',
        fields: [['name', null, 'Dev Patel'], ['firstname', null, 'Dev'], ['surname', null, 'Patel'], ['site', null, 'Keystone Legal - Head Office'],
          ['emailaddress', null, 'dev.patel@keystonelegal.example'], ['title', null, 'Paralegal']],
      }),
      change('agent', 'create', {
        googleId: '108234567890123456701', email: 'nia.okafor@brightwater.example', mapping: staff,
        reason: 'new in Google Workspace (OU /Service Desk); no Halo agent matches by email',
        fields: [['name', null, 'Nia Okafor'], ['firstname', null, 'Nia'], ['surname', null, 'Okafor'], ['email', null, 'nia.okafor@brightwater.example'],
          ['jobtitle', null, 'Service Desk Analyst'], ['sms', null, '+44 7700 900123'], ['third_party_guid', null, '108234567890123456701']],
        roles: { add: ['Technician'] },
      }),
      change('agent', 'create', {
        googleId: '108234567890123456702', email: 'tomas.lindqvist@brightwater.example', mapping: staff,
        reason: 'new in Google Workspace (OU /Engineering); member of escalations@brightwater.example and change-approvers@brightwater.example',
        fields: [['name', null, 'Tomas Lindqvist'], ['email', null, 'tomas.lindqvist@brightwater.example'], ['jobtitle', null, 'Network Engineer'],
          ['third_party_guid', null, '108234567890123456702']],
        roles: { add: ['Technician', 'Senior Technician'] },
        cabs: { add: ['Infrastructure CAB'] },
      }),
      change('user', 'link', {
        googleId: '114820000000000000201', email: 'carla.mendes@harbordental.example', haloId: 2207, mapping: 'harbor-eastside',
        reason: 'matched Halo user 2207 by name (first name + surname); its googleworkplace_id will hold the Google id',
        fields: [['googleworkplace_id', null, '114820000000000000201'], ['emailaddress', 'carla.m@harbordental.example', 'carla.mendes@harbordental.example']],
      }),
      change('agent', 'link', {
        googleId: '108234567890123456703', email: 'priya.raman@brightwater.example', haloId: 31, mapping: staff,
        reason: 'matched Halo agent 31 by email; its third_party_guid will hold the Google id',
        fields: [['third_party_guid', null, '108234567890123456703'], ['jobtitle', 'Engineer', 'Senior Engineer']],
      }),
      change('user', 'reactivate', {
        googleId: '114820000000000000302', email: 'lena.vogel@keystonelegal.example', haloId: 3104, mapping: 'keystone-head-office',
        reason: 'back in mapping keystone-head-office after being deactivated by halo-sync',
        fields: [['inactive', true, false]],
      }),
      change('agent', 'reactivate', {
        googleId: '108234567890123456704', email: 'marcus.bell@brightwater.example', haloId: 27, mapping: staff,
        reason: 'licence: holds Senior Technician again (escalations@brightwater.example), one of licence.activeRoles',
        fields: [['isdisabled', true, false]],
        roles: { add: ['Senior Technician'] },
      }),
      change('user', 'update', {
        googleId: '114820000000000000102', email: 'ben.cho@harbordental.example', haloId: 2203, mapping: 'harbor-main-clinic',
        reason: 'fields differ from Google Workspace',
        fields: [['title', 'Dental Hygienist', 'Senior Dental Hygienist']],
      }),
      change('agent', 'update', {
        googleId: '108234567890123456705', email: 'grace.oduya@brightwater.example', haloId: 22, mapping: staff,
        reason: 'fields differ from Google Workspace',
        fields: [['jobtitle', 'Infrastructure Engineer, Networks and Firewalls', 'Principal Infrastructure Engineer, Networks and Firewalls (EMEA)'],
          ['sms', '+44 7700 900555', null]],
      }),
      change('agent', 'roles', {
        googleId: '108234567890123456706', email: 'leo.marsh@brightwater.example', haloId: 24, mapping: staff,
        reason: 'joined service-desk-leads@brightwater.example; left escalations@brightwater.example',
        roles: { add: ['Service Desk Manager'], remove: ['Senior Technician'] },
      }),
      change('agent', 'cabs', {
        googleId: '108234567890123456707', email: 'hana.sato@brightwater.example', haloId: 25, mapping: staff,
        reason: 'left change-approvers@brightwater.example',
        cabs: { remove: ['Infrastructure CAB'] },
      }),
      change('user', 'deactivate', {
        googleId: '114820000000000000303', email: 'ray.dunn@keystonelegal.example', haloId: 3110, mapping: 'keystone-head-office',
        reason: 'suspended in Google; lifecycle.suspended is deactivate',
        fields: [['inactive', false, true]],
      }),
      change('agent', 'deactivate', {
        googleId: '108234567890123456708', email: 'owen.price@brightwater.example', haloId: 29, mapping: staff,
        reason: 'licence: no role in licence.activeRoles after the role rules (left it-admins@brightwater.example, losing Administrator)',
        fields: [['isdisabled', false, true]],
        roles: { remove: ['Administrator'] },
      }),
    ],
    [
      { code: 'ambiguous-match', message: '2 Halo users match sam.fischer@keystonelegal.example by name (Halo ids 3120, 3121): skipped, not guessed', email: 'sam.fischer@keystonelegal.example', googleId: '114820000000000000304' },
      { code: 'protected-agent', message: 'breakglass@brightwater.example is in safety.protectedAgents: it stays active and keeps its roles', email: 'breakglass@brightwater.example' },
    ],
  );
}

export function emptyPlan(): Plan {
  return plan([]);
}

/** Harbor Dental suspended a clinic's staff in Google: more deactivations than the limits allow. */
export function unsafePlan(): Plan {
  const names = ['ava.reed', 'noah.kim', 'mia.lopez', 'eli.ward', 'zoe.park', 'sam.ortiz', 'ivy.chen'];
  const changes = names.map((name, i) =>
    change('user', 'deactivate', {
      googleId: `11482000000000000041${i}`, email: `${name}@harbordental.example`, haloId: 2300 + i, mapping: 'harbor-eastside',
      reason: 'suspended in Google; lifecycle.suspended is deactivate', fields: [['inactive', false, true]],
    }),
  );
  return plan(
    changes,
    [{ code: 'two-writers', message: "Halo's Google Workspace integrator is switched on (Control): it and halo-sync would both edit the same people" }],
    {
      ok: false,
      violations: [
        { code: 'max-deactivations', message: '7 deactivations exceed safety.maxDeactivations (5)', limit: 5, actual: 7 },
        { code: 'max-deactivation-percent', message: '7 of 20 managed records (35%) exceed safety.maxDeactivationPercent (20%)', limit: 20, actual: 35 },
      ],
    },
  );
}
