/**
 * Checks the seed's `google` section: each customer directory (keyed `my_customer` or by its own
 * customer id), its users (Directory User resources: a string id, a primaryEmail) and its groups,
 * with ids and emails unique across every seeded directory, and group members that resolve.
 * A member in a domain no seeded directory owns is an outside address and is allowed, as in Google.
 */
import { checkKeys, isRecord, pathText, type Path, type SeedReport } from './report.js';

const CUSTOMER_KEYS = ['id', 'domain', 'users', 'groups'];
const GROUP_KEYS = ['id', 'email', 'name', 'description', 'aliases', 'members', 'directMembersCount', 'adminCreated', 'kind', 'etag', 'nonEditableAliases'];
const MEMBER_KEYS = ['email', 'id', 'type', 'role', 'status', 'delivery_settings', 'kind', 'etag'];
const MEMBER_TYPES = ['USER', 'GROUP', 'CUSTOMER'];
const MEMBER_ROLES = ['OWNER', 'MANAGER', 'MEMBER'];
const BOOLEAN_USER_FIELDS = ['suspended', 'archived', 'isAdmin', 'isDelegatedAdmin', 'changePasswordAtNextLogin'];

interface Member {
  value: Record<string, unknown>;
  path: Path;
  label: string;
}

export function checkGoogle(google: unknown, report: SeedReport): void {
  if (google === undefined || google === null) return;
  if (!isRecord(google)) return report.error(['google'], 'google', 'must be a mapping');
  checkKeys(report, google, ['google'], 'google', ['customers']);
  const customers = google.customers;
  if (customers === undefined || customers === null) return;
  if (!isRecord(customers)) return report.error(['google', 'customers'], 'google.customers', 'must be a mapping keyed by my_customer or a customer id');

  const userIds = new Map<string, string>();
  const emails = new Map<string, string>();
  const groupIds = new Set<string>();
  const domains = new Set<string>();
  const customerIds = new Set<string>(Object.keys(customers));
  const members: Member[] = [];

  for (const [key, customer] of Object.entries(customers)) {
    const path = ['google', 'customers', key];
    const label = pathText(path);
    if (!isRecord(customer)) {
      report.error(path, label, 'must be a mapping with id, domain, users and groups');
      continue;
    }
    checkKeys(report, customer, path, label, CUSTOMER_KEYS);
    if (typeof customer.id !== 'string' || customer.id === '') report.error([...path, 'id'], label, 'id (the Google customer id, e.g. C01abc23) is required');
    else {
      customerIds.add(customer.id);
      if (key !== 'my_customer' && key !== customer.id) report.error(path, label, `a directory other than my_customer is keyed by its customer id: use '${customer.id}' as the key, or fix the id`);
    }
    if (typeof customer.domain !== 'string' || !customer.domain.includes('.')) report.error([...path, 'domain'], label, 'domain (the primary domain, e.g. acme.com) is required');
    else domains.add(customer.domain.toLowerCase());

    listAt(customer, 'users', path, report).forEach((user, i) => checkUser(user, [...path, 'users', i], userIds, emails, report));
    listAt(customer, 'groups', path, report).forEach((group, i) => {
      const gPath = [...path, 'groups', i];
      if (!isRecord(group)) return report.error(gPath, pathText(gPath), 'must be a mapping');
      const gLabel = `${pathText(gPath)}${typeof group.email === 'string' ? ` (${group.email})` : ''}`;
      checkKeys(report, group, gPath, gLabel, GROUP_KEYS);
      if (typeof group.id !== 'string' || group.id === '') report.error([...gPath, 'id'], gLabel, 'id is required and must be a string');
      else if (groupIds.has(group.id)) report.error([...gPath, 'id'], gLabel, `duplicate group id ${group.id}`);
      else groupIds.add(group.id);
      if (typeof group.email !== 'string' || !group.email.includes('@')) report.error([...gPath, 'email'], gLabel, 'email is required');
      else claimEmail(group.email, gLabel, [...gPath, 'email'], emails, report);
      listAt(group, 'members', gPath, report).forEach((m, j) => {
        const mPath = [...gPath, 'members', j];
        if (!isRecord(m)) return report.error(mPath, `${gLabel}.members[${j}]`, 'must be a mapping with type and email');
        members.push({ value: m, path: mPath, label: `${gLabel}.members[${j}]` });
      });
    });
  }
  for (const m of members) checkMember(m, { userIds, emails, groupIds, domains, customerIds }, report);
}

function checkUser(user: unknown, path: Path, userIds: Map<string, string>, emails: Map<string, string>, report: SeedReport): void {
  if (!isRecord(user)) return report.error(path, pathText(path), 'must be a mapping (a Directory User resource)');
  const label = `${pathText(path)}${typeof user.primaryEmail === 'string' ? ` (${user.primaryEmail})` : ''}`;
  if (typeof user.id === 'number') {
    report.error([...path, 'id'], label, 'id must be a string: quote it (a 21-digit Google id loses precision as a YAML number)');
  } else if (typeof user.id !== 'string' || user.id === '') {
    report.error([...path, 'id'], label, 'id is required (Google user ids are numeric strings)');
  } else if (userIds.has(user.id)) {
    report.error([...path, 'id'], label, `duplicate user id ${user.id} (also ${userIds.get(user.id)})`);
  } else userIds.set(user.id, label);
  if (typeof user.primaryEmail !== 'string' || !user.primaryEmail.includes('@')) report.error([...path, 'primaryEmail'], label, 'primaryEmail is required');
  else claimEmail(user.primaryEmail, label, [...path, 'primaryEmail'], emails, report, 'user');
  if (user.orgUnitPath !== undefined && (typeof user.orgUnitPath !== 'string' || !user.orgUnitPath.startsWith('/'))) {
    report.error([...path, 'orgUnitPath'], label, `orgUnitPath must start with '/', got ${JSON.stringify(user.orgUnitPath)}`);
  }
  for (const key of BOOLEAN_USER_FIELDS) {
    if (user[key] !== undefined && typeof user[key] !== 'boolean') report.error([...path, key], label, `${key} must be true or false`);
  }
  for (const key of ['name', 'customSchemas']) {
    if (user[key] !== undefined && !isRecord(user[key])) report.error([...path, key], label, `${key} must be a mapping`);
  }
  for (const key of ['emails', 'phones', 'organizations', 'relations', 'externalIds', 'aliases']) {
    if (user[key] !== undefined && !Array.isArray(user[key])) report.error([...path, key], label, `${key} must be a list`);
  }
}

/** Emails are unique across users and groups of every seeded directory (Google enforces it). */
function claimEmail(email: string, label: string, path: Path, emails: Map<string, string>, report: SeedReport, kind = 'group'): void {
  const key = email.toLowerCase();
  const owner = emails.get(key);
  if (owner) report.error(path, label, `duplicate email ${email} (also ${owner})`);
  else emails.set(key, kind === 'user' ? `user ${label}` : `group ${label}`);
}

interface Known {
  userIds: Map<string, string>;
  emails: Map<string, string>;
  groupIds: Set<string>;
  domains: Set<string>;
  customerIds: Set<string>;
}

function checkMember(m: Member, known: Known, report: SeedReport): void {
  const { value, path, label } = m;
  checkKeys(report, value, path, label, MEMBER_KEYS);
  const type = value.type;
  if (typeof type !== 'string' || !MEMBER_TYPES.includes(type)) {
    return report.error([...path, 'type'], label, `type must be one of ${MEMBER_TYPES.join(', ')}, got ${JSON.stringify(type)}`);
  }
  if (value.role !== undefined && !MEMBER_ROLES.includes(String(value.role))) report.error([...path, 'role'], label, `role must be one of ${MEMBER_ROLES.join(', ')}`);
  if (type === 'CUSTOMER') {
    if (typeof value.id !== 'string' || !known.customerIds.has(value.id)) report.error([...path, 'id'], label, `CUSTOMER member ${JSON.stringify(value.id)} is not a seeded customer id`);
    return;
  }
  const email = typeof value.email === 'string' ? value.email.toLowerCase() : undefined;
  if (email === undefined && typeof value.id !== 'string') return report.error(path, label, `a ${type} member needs an email (or id)`);
  if (email !== undefined) {
    const owner = known.emails.get(email);
    const wanted = type === 'USER' ? 'user' : 'group';
    if (owner?.startsWith(wanted)) return;
    const domain = email.split('@')[1] ?? '';
    if (!owner && !known.domains.has(domain)) return; // an outside address: allowed, as in Google
    const what = owner ? `is a ${owner.split(' ')[0]}, not a ${wanted}` : `is not a ${wanted} in any seeded directory`;
    return report.error([...path, 'email'], label, `${type} member ${value.email as string} ${what}`);
  }
  const id = value.id as string;
  const exists = type === 'USER' ? known.userIds.has(id) : known.groupIds.has(id);
  if (!exists) report.error([...path, 'id'], label, `${type} member id ${id} is not a ${type === 'USER' ? 'user' : 'group'} in any seeded directory`);
}

function listAt(parent: Record<string, unknown>, key: string, path: Path, report: SeedReport): unknown[] {
  const value = parent[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    report.error([...path, key], pathText([...path, key]), 'must be a list');
    return [];
  }
  return value;
}
