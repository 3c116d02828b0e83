/**
 * Executor tests run the real planner and the real executor against the sandbox (no CLI): plan
 * with computePlan, then executePlan with the same Halo client, then inspect Halo's state.
 */
import { silentProgress } from '../../src/app/progress.js';
import { computePlan, type ComputedPlan } from '../../src/app/run-plan.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import type { ScriptedRule } from '../../src/sandbox/halo/scripted-faults.js';
import type { SandboxSeed } from '../../src/sandbox/seed-types.js';
import { exampleSeed, haloState, type Json } from '../e2e/world.js';

export { exampleSeed, type Json };

export const CONFIG = 'halo-sync.yaml';
export const ROLE_IDS = {
  technician: '5f0c1a7e-3b2d-4e8f-9a61-0c4d2b7e1a01',
  finance: '9d4050b2-7f61-4c23-9ea5-40816fb25e05',
} as const;

export interface Bench {
  sandbox: Sandbox;
  env: Record<string, string>;
  plan(): Promise<ComputedPlan>;
  faults(rules: ScriptedRule[]): Promise<void>;
  state(): Promise<Json>;
  close(): Promise<void>;
}

export async function startBench(seed?: SandboxSeed): Promise<Bench> {
  const sandbox = await startSandbox({ seed: seed ?? (await exampleSeed()) });
  const env: Record<string, string> = { ...sandbox.env, HALO_SYNC_RETRY_BASE_MS: '1' };
  return {
    sandbox,
    env,
    // The repository's example config, read from the working directory (vitest runs at the root).
    plan: () => computePlan({ configFile: CONFIG, cwd: process.cwd(), env, progress: silentProgress }),
    async faults(rules) {
      const res = await fetch(`${sandbox.halo.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ rules }) });
      if (res.status !== 200) throw new Error(`faults: ${res.status}`);
    },
    state: async () => haloState(sandbox),
    close: () => sandbox.close(),
  };
}

/** The example seed plus a new Service Desk analyst in change-approvers@ (a new agent with a CAB seat). */
export async function seedWithNewApprover(email = 'nora.quinn@brightwater.example'): Promise<SandboxSeed> {
  const seed = await exampleSeed();
  const own = seed.google!.customers!.my_customer!;
  own.users!.push({
    id: '177000000000000000001',
    primaryEmail: email,
    name: { givenName: 'Nora', familyName: 'Quinn' },
    orgUnitPath: '/Service Desk',
    organizations: [{ title: 'Service Desk Analyst', department: 'Service Desk', primary: true }],
  });
  own.groups!.find((g) => g.email === 'change-approvers@brightwater.example')!.members!.push({ email, type: 'USER' });
  return seed;
}
