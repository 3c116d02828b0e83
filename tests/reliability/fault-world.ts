/**
 * Worlds for the seeded fault runs: tests/e2e/generated-world.ts at a small, seed-chosen size, plus
 * seed-chosen drift so every run has each kind of change: creates, title updates, email links, role
 * and CAB additions and removals, user deactivations (suspended, and moved out of every mapping)
 * and agent deactivations (suspended, and licence lost on leaving the only group granting an active
 * role). The faults are the issue's: Halo 5xx 10 %, Google 5xx 5 %, lost responses 5 %, and
 * hosted Halo's 429 window shrunk to a second so it is hit in a short test.
 */
import type { SandboxSeed } from '../../src/sandbox/seed-types.js';
import { seededRandom } from '../../src/sandbox/prng.js';
import { GEN_ROLES, generatedConfig, generatedSeed } from '../e2e/generated-world.js';

export interface FaultWorld {
  seed: SandboxSeed;
  config: string;
  /** The sandbox's 429 window: this many Halo requests per second. */
  serverLimit: number;
  /** HALO_RATE_LIMIT for the client: under the server's limit (no 429 may happen), or off (429s are handled). */
  clientBudget: string;
  budgetKind: 'under' | 'over';
}

/** The generated world's config with licence rules on and out-of-scope people deactivated. */
export const FAULT_CONFIG = generatedConfig({ licence: true, outOfScope: 'deactivate' });

export function faultWorld(n: number): FaultWorld {
  const random = seededRandom(1000 + n);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const staff = int(30, 60);
  const engineers = int(12, 16);
  const seed = generatedSeed({ staff, engineers, seed: n });
  const own = seed.google!.customers!.my_customer!;
  const users = own.users!;
  const agents = seed.halo!.agents!;

  // A linked member of staff leaves for /Alumni: out of every mapping, so deactivated.
  const linkedStaff = users.filter((u, i) => i < staff / 3 && !u.suspended);
  const leaver = linkedStaff[int(0, linkedStaff.length - 1)]!;
  leaver.orgUnitPath = '/Alumni';
  // An existing engineer is suspended in Google: the agent is deactivated.
  const suspendedEmail = `eng${int(2, 4)}@gen.example`;
  users.find((u) => u.primaryEmail === suspendedEmail)!.suspended = true;
  // Another holds only Administrator and is not in admins@ (i % 5 !== 0): losing it loses the licence.
  const unlicensed = int(6, 9);
  const agent = agents.find((a) => a.email === `eng${unlicensed}@gen.example`)!;
  agent.roles = [{ id: GEN_ROLES.admin }];

  // (A plan makes about 10 Halo requests, an apply about 20.)
  // Even seeds: the client's budget binds, under the server's limit. It counts a little more than the
  // server does (each request until one window after it finished); two half-second windows of
  // limit/2 - 1 make at most limit - 2 in any second, so no 429 may ever reach it.
  // Seeds 1, 5, 9…: no client budget and a tight server limit, so 429s are answered and handled.
  // Seeds 3, 7, 11…: no client budget, a limit the run stays under (no waiting at all).
  const budgetKind = n % 2 === 0 ? 'under' : 'over';
  const serverLimit = budgetKind === 'under' ? int(28, 32) : n % 4 === 1 ? int(10, 14) : 40;
  const clientBudget = budgetKind === 'under' ? `${Math.floor(serverLimit / 2) - 1}/0.5` : 'off';
  seed.faults = {
    haloErrorRate: 0.1,
    googleErrorRate: 0.05,
    lostResponseRate: 0.05,
    haloRateLimit: { requests: serverLimit, windowSeconds: 1 },
    seed: n,
  };
  return { seed, config: FAULT_CONFIG, serverLimit, clientBudget, budgetKind };
}
