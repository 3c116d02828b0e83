import { describe, expect, it } from 'vitest';
import type { World } from '../builders.js';
import { cab, group, haloUser, linkedAgent, linkedUser, person, planOf, read, ROLES, shuffled, world } from '../builders.js';

/** A busy world: creates, links, updates, roles, CABs, deactivations, warnings. */
function busyWorld(): World {
  const people = Array.from({ length: 40 }, (_, i) => person(`p${String(i).padStart(2, '0')}@acme.test`, {
    ou: i % 4 === 0 ? '/Engineering' : i % 7 === 0 ? '/Former' : '/Staff',
    title: `Title ${i % 3}`,
    suspended: i % 11 === 0,
  }));
  const admins = people.filter((_, i) => i % 8 === 0);
  return world({
    config: {
      mappings: [
        { name: 'eng', agent: true, defaultRole: 'Technician', filter: { field: 'orgUnitPath', op: 'under', value: '/Engineering' } },
        { name: 'staff', site: 'Head Office', filter: { any: [{ field: 'orgUnitPath', op: 'under', value: '/Staff' }, { field: 'orgUnitPath', op: 'under', value: '/Engineering' }] } },
      ],
      roles: [{ group: 'admins@acme.test', role: 'Administrator' }],
      cabs: [{ group: 'admins@acme.test', cab: 'Infrastructure CAB' }],
      licence: { enabled: true, activeRoles: ['Technician', 'Administrator'] },
      lifecycle: { suspended: 'deactivate', outOfScope: 'deactivate' },
      signIn: { agents: true, portal: true, autoRedirect: false },
      safety: { maxDeactivations: 100, maxDeactivationPercent: 100, protectedAgents: ['P04@acme.test'] },
    },
    people,
    reads: [read('own|eng', ['eng'], people), read('own|staff', ['staff'], people)],
    groups: [group('admins@acme.test', admins), group('unused@acme.test', [])],
    halo: {
      users: [
        ...people.slice(0, 20).map((p, i) => linkedUser(100 + i, p, i % 3 === 0 ? { title: 'Old' } : {})),
        ...people.slice(20, 25).map((p, i) => haloUser(200 + i, { emailaddress: p.primaryEmail.toUpperCase() })),
        haloUser(300, { emailaddress: 'p30@acme.test' }), haloUser(301, { emailaddress: 'p30@acme.test' }),
      ],
      agents: people.filter((_, i) => i % 4 === 0).slice(0, 6).map((p, i) => linkedAgent(500 + i, p, i % 2 ? [ROLES.senior, ROLES.administrator] : [ROLES.technician])),
      cabs: [cab(1, 'Infrastructure CAB', [500, 77])],
      control: { halointegrator_googleworkplace: true },
    },
  });
}

function shuffledWorld(w: World, seed: number): World {
  return {
    loaded: w.loaded,
    directory: {
      users: shuffled(w.directory.users, seed),
      reads: shuffled(w.directory.reads, seed).map((r) => ({ ...r, userIds: shuffled(r.userIds, seed + 1) })),
      groups: shuffled(w.directory.groups, seed),
      lookups: shuffled(w.directory.lookups, seed),
    },
    halo: { ...w.halo, users: shuffled(w.halo.users, seed), agents: shuffled(w.halo.agents, seed), roles: shuffled(w.halo.roles, seed), sites: shuffled(w.halo.sites, seed) },
  };
}

describe('determinism', () => {
  it('the busy world exercises many kinds of change (so the comparisons below mean something)', () => {
    const { plan } = planOf(busyWorld());
    expect(new Set(plan.changes.map((c) => c.action))).toEqual(new Set(['settings', 'create', 'link', 'update', 'roles', 'cabs', 'deactivate']));
    expect(new Set(plan.warnings.map((w) => w.code))).toEqual(new Set(['ambiguous-match', 'protected-agent', 'two-writers']));
  });

  it('same inputs twice give byte-identical plans and writes', () => {
    const a = planOf(busyWorld());
    const b = planOf(busyWorld());
    expect(JSON.stringify(b.plan)).toBe(JSON.stringify(a.plan));
    expect(JSON.stringify(b.writes)).toBe(JSON.stringify(a.writes));
  });

  it.each([1, 2, 3])('shuffled input order (seed %i) gives an identical plan, digests included', (seed) => {
    const w = busyWorld();
    const a = planOf(w);
    const b = planOf(shuffledWorld(w, seed));
    expect(JSON.stringify(b.plan)).toBe(JSON.stringify(a.plan));
    expect(JSON.stringify(b.writes)).toBe(JSON.stringify(a.writes));
  });

  it('orders changes: settings, creates, links, reactivations, updates, roles, CABs, deactivations; users before agents', () => {
    const { plan } = planOf(busyWorld());
    const rank = ['settings', 'create', 'link', 'reactivate', 'update', 'roles', 'cabs', 'deactivate'];
    const keys = plan.changes.map((c) => [rank.indexOf(c.action), c.subject === 'settings' ? 0 : c.subject === 'user' ? 1 : 2, c.email ?? ''] as const);
    const sorted = [...keys].sort((x, y) => x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0));
    expect(keys).toEqual(sorted);
    expect(plan.changes.at(-1)?.action).toBe('deactivate');
  });

  it('warnings are sorted by code, then email', () => {
    const { plan } = planOf(busyWorld());
    const keys = plan.warnings.map((w) => `${w.code} ${w.email ?? ''}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('digests: sha256, change with the config or the data, not with key order', () => {
    const w = busyWorld();
    const base = planOf(w).plan;
    expect(base.configDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(base.snapshotDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const otherConfig = { ...w, loaded: { ...w.loaded, config: { ...w.loaded.config, safety: { ...w.loaded.config.safety, maxDeactivations: 99 } } } };
    expect(planOf(otherConfig).plan.configDigest).not.toBe(base.configDigest);
    const otherData = { ...w, halo: { ...w.halo, users: [...w.halo.users, haloUser(999)] } };
    expect(planOf(otherData).plan.snapshotDigest).not.toBe(base.snapshotDigest);
    const reordered = { ...w, halo: { ...w.halo, users: w.halo.users.map((u) => Object.fromEntries(Object.entries(u).reverse()) as typeof u) } };
    expect(planOf(reordered).plan.snapshotDigest).toBe(base.snapshotDigest);
  });

  it('the summary counts match the changes (role and CAB pairs included)', () => {
    const { plan } = planOf(busyWorld());
    const count = (subject: string, action: string) => plan.changes.filter((c) => c.subject === subject && c.action === action).length;
    for (const subject of ['user', 'agent'] as const) {
      const bucket = subject === 'user' ? plan.summary.users : plan.summary.agents;
      for (const action of ['create', 'update', 'link', 'deactivate', 'reactivate'] as const) expect(bucket[action]).toBe(count(subject, action));
    }
    expect(plan.summary.roles.add).toBe(plan.changes.reduce((n, c) => n + c.roles.add.length, 0));
    expect(plan.summary.cabs.remove).toBe(plan.changes.reduce((n, c) => n + c.cabs.remove.length, 0));
    expect(plan.summary.settings.update).toBe(1);
  });

  it('every change carries every contract key', () => {
    const { plan } = planOf(busyWorld());
    for (const c of plan.changes) {
      expect(Object.keys(c).sort()).toEqual(['action', 'cabs', 'email', 'fields', 'googleId', 'haloId', 'mapping', 'reason', 'roles', 'subject']);
      expect(c.reason.length).toBeGreaterThan(10);
    }
  });
});
