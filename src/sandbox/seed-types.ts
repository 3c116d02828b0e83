/**
 * The sandbox seed (DESIGN.md "Sandbox"): a YAML or JSON file describing both fake services.
 * Every section is optional; faults are off unless asked for. This shape is a public contract.
 */
import type { DirectoryUser } from '../model/directory.js';
import type { HaloAgent, HaloCab, HaloClient, HaloControl, HaloFieldDefinition, HaloRole, HaloSite, HaloUser } from '../model/halo.js';

export interface SeedGroupMember {
  /** USER and GROUP members are named by email (or id); a CUSTOMER member by the customer id. */
  email?: string;
  id?: string;
  type: 'USER' | 'GROUP' | 'CUSTOMER';
  role?: 'OWNER' | 'MANAGER' | 'MEMBER';
  status?: string;
}

export interface SeedGroup {
  id: string;
  email: string;
  name?: string;
  description?: string;
  aliases?: string[];
  members?: SeedGroupMember[];
}

export interface SeedCustomer {
  /** Google customer id, e.g. `C0own1`. */
  id: string;
  /** Primary domain. */
  domain: string;
  users?: DirectoryUser[];
  groups?: SeedGroup[];
}

export interface SeedFaults {
  /** Fraction (0..1) of Halo requests answered with a 5xx. */
  haloErrorRate?: number;
  /** Fraction (0..1) of Google requests answered with 503 backendError. */
  googleErrorRate?: number;
  /**
   * Fraction (0..1) of Google requests refused by a rate limit: half 429 rateLimitExceeded (the
   * per-account limit), half 403 userRateLimitExceeded (the per-user limit), chosen by the seed.
   */
  googleRateLimitRate?: number;
  /** Hosted Halo's rolling-window limiter: past `requests` in `windowSeconds`, 429. */
  haloRateLimit?: { requests: number; windowSeconds: number };
  /** Added to every response. */
  latencyMs?: number;
  /** Fraction (0..1) of Halo POSTs that are committed but whose response is lost (connection dropped). */
  lostResponseRate?: number;
  /** PRNG seed: the same seed gives the same faults for the same request sequence. */
  seed?: number;
}

/**
 * Switches that make the sandbox misbehave like a badly set-up tenant, so `doctor` can be tested
 * both ways. All off by default.
 */
export interface SeedSimulate {
  /** The Google token endpoint answers this OAuth error for the delegated JWT / refresh flow. */
  googleTokenError?: 'unauthorized_client' | 'admin_policy_enforced' | 'invalid_grant' | 'access_denied';
  /** The admin subject is not an admin: every Directory call answers 403 forbidden. */
  googleSubjectNotAdmin?: boolean;
  /** These customer ids refuse reads (403 forbidden), like a customer that withdrew reseller access. */
  googleForbiddenCustomers?: string[];
  /** Halo API paths (e.g. `/api/Agent`) that answer 403, like an API application missing permissions. */
  haloForbiddenPaths?: string[];
  /**
   * The scopes granted to the service account in the domain-wide delegation page. A delegated JWT
   * asking for any other scope is refused with unauthorized_client, as Google does. Absent: all granted.
   */
  googleDelegatedScopes?: string[];
}

export interface SandboxSeed {
  google?: {
    /** Keyed by `my_customer` (your own directory) or by customer id (other directories). */
    customers?: Record<string, SeedCustomer>;
  };
  halo?: {
    clients?: HaloClient[];
    sites?: HaloSite[];
    roles?: HaloRole[];
    cabs?: Array<Omit<HaloCab, 'members'> & { members?: HaloCab['members'] }>;
    users?: Array<Partial<HaloUser> & { id: number }>;
    agents?: Array<Partial<HaloAgent> & { id: number }>;
    fields?: HaloFieldDefinition[];
    control?: HaloControl;
    /** Client credentials the token endpoint accepts (default `sandbox` / `sandbox`). */
    clientId?: string;
    clientSecret?: string;
    /** Token lifetime in seconds (default 3600). */
    tokenLifetimeSeconds?: number;
  };
  faults?: SeedFaults;
  simulate?: SeedSimulate;
}
