/** groups.list, groups.get, members.list, members.hasMember and customers.get. */
import type { SeedGroup } from '../seed-types.js';
import { emailDomain } from './directory.js';
import { fail } from './errors.js';
import { isDirectMember, keysNaming, listGroupMembers } from './members.js';
import { pageOf } from './paging.js';
import { boolParam, enumParam, pageSize, stringParam } from './params.js';
import { groupMatchesQuery, parseGroupQuery } from './query/group-query.js';
import { fold } from './query/text.js';
import { listEtag, renderCustomer, renderGroup, renderMember } from './resources.js';
import type { Route, RouteContext } from './route-types.js';
import { SHAPES } from './shapes.js';

const BASE = '/admin/directory/v1';
/** Groups and members: default and maximum 200 a page; larger requests get 200. */
export const GROUPS_MAX_PAGE = 200;

function listGroups(ctx: RouteContext): Record<string, unknown> {
  const { params, store } = ctx;
  const customerKey = stringParam(params, 'customer');
  const domainParam = stringParam(params, 'domain');
  const userKey = stringParam(params, 'userKey');
  // Google refuses customer together with userKey (400); userKey alone or with domain works.
  if ((!customerKey && !domainParam && !userKey) || (customerKey && userKey)) throw fail.badRequest();
  const maxResults = pageSize(params, GROUPS_MAX_PAGE, GROUPS_MAX_PAGE);
  enumParam(params, 'orderBy', ['email'] as const, 'email');
  const sortOrder = enumParam(params, 'sortOrder', ['ASCENDING', 'DESCENDING'] as const, 'ASCENDING');
  const query = params.get('query') ?? '';
  const parsed = parseGroupQuery(query);
  if (!parsed.ok) throw fail.invalidQuery();
  const domain = domainParam ? fold(domainParam) : undefined;

  const scopeKey = JSON.stringify(['groups', customerKey ?? '', domain ?? '', userKey ?? '', query, sortOrder]);
  let pool: SeedGroup[];
  if (userKey) {
    const keys = keysNaming(store, userKey);
    const readable = domain ? [store.customerForDomain(domain)] : store.readableCustomers();
    pool = readable.flatMap((view) => view.groups.filter((g) => isDirectMember(g, keys)));
    const known = store.findUser(userKey) ?? store.findGroup(userKey);
    if (!known && pool.length === 0) throw fail.notFound('userKey');
    if (known) store.assertReadable(known.customer);
  } else {
    const view = customerKey ? store.customer(customerKey) : store.customerForDomain(domain as string);
    pool = domain ? view.groups.filter((g) => emailDomain(g.email) === domain) : view.groups;
  }
  const matching = ctx.cache.get(scopeKey, () => {
    const memberKeys = new Map<string, Set<string>>();
    const hasMember = (group: SeedGroup, key: string): boolean => {
      if (!memberKeys.has(key)) memberKeys.set(key, keysNaming(store, key));
      return isDirectMember(group, memberKeys.get(key) as Set<string>);
    };
    const sorted = pool.filter((g) => groupMatchesQuery(g, parsed.clauses, hasMember)).sort((a, b) => compareFolded(a.email, b.email));
    return sortOrder === 'DESCENDING' ? sorted.reverse() : sorted;
  });
  const { page, nextPageToken } = pageOf(matching, scopeKey, { pageToken: stringParam(params, 'pageToken'), maxResults }, ctx.pageTokens);
  const groups = page.map(renderGroup);
  return {
    kind: 'admin#directory#groups',
    etag: listEtag(groups),
    ...(groups.length > 0 ? { groups } : {}),
    ...(nextPageToken ? { nextPageToken } : {}),
  };
}

function compareFolded(a: string, b: string): number {
  const fa = fold(a);
  const fb = fold(b);
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

const ROLES = ['OWNER', 'MANAGER', 'MEMBER'] as const;

function listMembers(ctx: RouteContext, [groupKey]: string[]): Record<string, unknown> {
  const { params, store } = ctx;
  const { group } = store.group(groupKey ?? '');
  const derived = boolParam(params, 'includeDerivedMembership');
  const maxResults = pageSize(params, GROUPS_MAX_PAGE, GROUPS_MAX_PAGE);
  const rolesParam = stringParam(params, 'roles');
  const roles = rolesParam?.split(',').map((r) => r.trim().toUpperCase());
  if (roles?.some((r) => !(ROLES as readonly string[]).includes(r))) throw fail.invalidInput('roles');
  const scopeKey = JSON.stringify(['members', group.id, derived, roles?.slice().sort() ?? []]);
  const matching = ctx.cache.get(scopeKey, () =>
    listGroupMembers(store, group, derived).filter((m) => roles === undefined || roles.includes(m.role)),
  );
  const { page, nextPageToken } = pageOf(matching, scopeKey, { pageToken: stringParam(params, 'pageToken'), maxResults }, ctx.pageTokens);
  const members = page.map(renderMember);
  return {
    kind: 'admin#directory#members',
    etag: listEtag(members),
    ...(members.length > 0 ? { members } : {}),
    ...(nextPageToken ? { nextPageToken } : {}),
  };
}

/** Direct or nested membership (CUSTOMER members included). */
function hasMember(ctx: RouteContext, [groupKey, memberKey]: string[]): Record<string, unknown> {
  const { store } = ctx;
  const { group } = store.group(groupKey ?? '');
  const keys = keysNaming(store, memberKey ?? '');
  const members = listGroupMembers(store, group, true);
  const isMember = members.some((m) => keys.has(fold(m.id)) || (m.email !== undefined && keys.has(fold(m.email))));
  if (!isMember && !store.findUser(memberKey ?? '') && !store.findGroup(memberKey ?? '')) throw fail.notFound('memberKey');
  return { isMember };
}

export const groupRoutes: Route[] = [
  {
    pattern: new RegExp(`^${BASE}/groups$`),
    endpoint: `GET ${BASE}/groups`,
    apiMethod: 'ccc.hosted.frontend.directory.v1.DirectoryGroups.List',
    scopes: 'groups',
    shape: SHAPES.groups,
    handle: listGroups,
  },
  {
    pattern: new RegExp(`^${BASE}/groups/([^/]+)$`),
    endpoint: `GET ${BASE}/groups/{groupKey}`,
    apiMethod: 'ccc.hosted.frontend.directory.v1.DirectoryGroups.Get',
    scopes: 'groups',
    shape: SHAPES.group,
    handle: (ctx, [groupKey]) => renderGroup(ctx.store.group(groupKey ?? '').group),
  },
  {
    pattern: new RegExp(`^${BASE}/groups/([^/]+)/members$`),
    endpoint: `GET ${BASE}/groups/{groupKey}/members`,
    apiMethod: 'ccc.hosted.frontend.directory.v1.DirectoryMembers.List',
    scopes: 'members',
    shape: SHAPES.members,
    handle: listMembers,
  },
  {
    pattern: new RegExp(`^${BASE}/groups/([^/]+)/hasMember/([^/]+)$`),
    endpoint: `GET ${BASE}/groups/{groupKey}/hasMember/{memberKey}`,
    apiMethod: 'ccc.hosted.frontend.directory.v1.DirectoryMembers.HasMember',
    scopes: 'members',
    shape: SHAPES.hasMember,
    handle: hasMember,
  },
  {
    pattern: new RegExp(`^${BASE}/customers/([^/]+)$`),
    endpoint: `GET ${BASE}/customers/{customerKey}`,
    apiMethod: 'ccc.hosted.frontend.directory.v1.DirectoryCustomers.Get',
    scopes: 'customers',
    shape: SHAPES.customer,
    handle: (ctx, [customerKey]) => renderCustomer(ctx.store.customer(customerKey ?? '')),
  },
];
