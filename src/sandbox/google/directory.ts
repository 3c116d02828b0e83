/**
 * The seeded directories, indexed for the routes: customers by key, id and domain; users and groups
 * by id, primary email and alias (case-insensitive). A seed user with a `deletionTime` is deleted:
 * listed only with `showDeleted=true`, never found by users.get.
 */
import type { DirectoryUser } from '../../model/directory.js';
import type { SeedCustomer, SeedGroup } from '../seed-types.js';
import { fail } from './errors.js';
import { fold } from './query/text.js';

export interface CustomerView {
  /** Seed key: `my_customer` or the customer id. */
  key: string;
  id: string;
  domain: string;
  seed: SeedCustomer;
  live: DirectoryUser[];
  deleted: DirectoryUser[];
  groups: SeedGroup[];
}

export interface UserEntry {
  customer: CustomerView;
  user: DirectoryUser;
}
export interface GroupEntry {
  customer: CustomerView;
  group: SeedGroup;
}

export function isDeleted(user: DirectoryUser): boolean {
  const deletion = (user as unknown as { deletionTime?: unknown }).deletionTime;
  return typeof deletion === 'string' && deletion !== '';
}

export function emailDomain(email: string): string {
  return fold(email.slice(email.lastIndexOf('@') + 1));
}

export class DirectoryStore {
  readonly customers: CustomerView[] = [];
  private readonly byCustomerKey = new Map<string, CustomerView>();
  private readonly byDomain = new Map<string, CustomerView>();
  private readonly users = new Map<string, UserEntry>();
  private readonly groups = new Map<string, GroupEntry>();
  private readonly forbidden: Set<string>;

  constructor(seed: Record<string, SeedCustomer>, forbidden: readonly string[] = []) {
    this.forbidden = new Set(forbidden);
    for (const [key, customer] of Object.entries(seed)) {
      const all = customer.users ?? [];
      const view: CustomerView = {
        key,
        id: customer.id,
        domain: customer.domain,
        seed: customer,
        live: all.filter((u) => !isDeleted(u)),
        deleted: all.filter(isDeleted),
        groups: customer.groups ?? [],
      };
      this.customers.push(view);
      this.byCustomerKey.set(key, view);
      if (!this.byCustomerKey.has(customer.id)) this.byCustomerKey.set(customer.id, view);
      // The primary domain, then any secondary domain the customer's people and groups use.
      this.claimDomain(fold(customer.domain), view);
      let lastDomain = '';
      for (const email of [...all.map((u) => u.primaryEmail), ...view.groups.map((g) => g.email)]) {
        const domain = emailDomain(email);
        if (domain !== lastDomain) this.claimDomain(domain, view);
        lastDomain = domain;
      }
      for (const user of view.live) {
        const entry = { customer: view, user };
        this.indexUser(user.id, entry);
        this.indexUser(fold(user.primaryEmail), entry);
        for (const alias of user.aliases ?? []) this.indexUser(fold(alias), entry);
        for (const alias of user.nonEditableAliases ?? []) this.indexUser(fold(alias), entry);
      }
      for (const group of view.groups) {
        const entry = { customer: view, group };
        for (const k of [group.id, ...[group.email, ...(group.aliases ?? [])].map(fold)]) {
          if (!this.groups.has(k)) this.groups.set(k, entry);
        }
      }
    }
  }

  private claimDomain(domain: string, view: CustomerView): void {
    if (!this.byDomain.has(domain)) this.byDomain.set(domain, view);
  }

  /** The first customer to name a key keeps it. */
  private indexUser(key: string, entry: UserEntry): void {
    if (!this.users.has(key)) this.users.set(key, entry);
  }

  private readable(view: CustomerView): CustomerView {
    if (this.forbidden.has(view.id) || this.forbidden.has(view.key)) throw fail.forbidden();
    return view;
  }

  /** A customer by seed key or id, without the access check (for CUSTOMER members). */
  findCustomer(key: string): CustomerView | undefined {
    return this.byCustomerKey.get(key);
  }

  /** `my_customer` or a customer id; unknown or refused → 403 forbidden, as Google answers. */
  customer(key: string): CustomerView {
    const view = this.byCustomerKey.get(key);
    if (!view) throw fail.forbidden();
    return this.readable(view);
  }

  /** The customer owning a domain; a domain the caller does not administer → 403 forbidden. */
  customerForDomain(domain: string): CustomerView {
    const view = this.byDomain.get(fold(domain));
    if (!view) throw fail.forbidden();
    return this.readable(view);
  }

  findUser(key: string): UserEntry | undefined {
    return this.users.get(key) ?? this.users.get(fold(key));
  }

  findGroup(key: string): GroupEntry | undefined {
    return this.groups.get(key) ?? this.groups.get(fold(key));
  }

  /** users.get: by id, primary email or alias. */
  user(key: string): UserEntry {
    const entry = this.findUser(key);
    if (!entry) throw fail.notFound('userKey');
    this.readable(entry.customer);
    return entry;
  }

  group(key: string): GroupEntry {
    const entry = this.findGroup(key);
    if (!entry) throw fail.notFound('groupKey');
    this.readable(entry.customer);
    return entry;
  }

  /** Customers that allow reads (not in `simulate.googleForbiddenCustomers`). */
  readableCustomers(): CustomerView[] {
    return this.customers.filter((v) => !this.forbidden.has(v.id) && !this.forbidden.has(v.key));
  }

  /** Throws 403 when the customer refuses reads. */
  assertReadable(view: CustomerView): void {
    this.readable(view);
  }
}
