/** users.list and users.get. */
import type { DirectoryUser } from '../../model/directory.js';
import { emailDomain } from './directory.js';
import type { CustomerView } from './directory.js';
import { fail } from './errors.js';
import { pageOf } from './paging.js';
import { boolParam, enumParam, pageSize, stringParam } from './params.js';
import { parseUserQuery } from './query/user-query.js';
import { userMatchesQuery } from './query/user-match.js';
import { fold } from './query/text.js';
import { listEtag, renderUser } from './resources.js';
import type { UserView } from './resources.js';
import type { Route, RouteContext } from './route-types.js';
import { SHAPES } from './shapes.js';

const BASE = '/admin/directory/v1';

/** Users default to 100 a page; Google documents 500 as the maximum. What Google does above 500 is
 *  undocumented: the sandbox caps at 500 (as GAM does). */
export const USERS_DEFAULT_PAGE = 100;
export const USERS_MAX_PAGE = 500;

function userView(params: URLSearchParams): UserView {
  const projection = enumParam(params, 'projection', ['basic', 'custom', 'full'] as const, 'basic');
  const customFieldMask = (stringParam(params, 'customFieldMask') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (projection === 'custom' && customFieldMask.length === 0) throw fail.invalidInput('customFieldMask');
  const viewType = enumParam(params, 'viewType', ['admin_view', 'domain_public'] as const, 'admin_view');
  return { projection, customFieldMask, viewType };
}

type OrderBy = 'email' | 'familyName' | 'givenName';

/** Sorted by the chosen key, then primary email (Google's default order), case-insensitively. */
function sortUsers(users: DirectoryUser[], orderBy: OrderBy, descending: boolean): DirectoryUser[] {
  const keyed = users.map((user) => {
    const email = fold(user.primaryEmail);
    const primary = orderBy === 'email' ? email : fold((orderBy === 'familyName' ? user.name?.familyName : user.name?.givenName) ?? '');
    return { user, primary, email };
  });
  keyed.sort((a, b) => {
    const c = a.primary < b.primary ? -1 : a.primary > b.primary ? 1 : a.email < b.email ? -1 : a.email > b.email ? 1 : 0;
    return descending ? -c : c;
  });
  return keyed.map((k) => k.user);
}

function listUsers(ctx: RouteContext): Record<string, unknown> {
  const { params, store } = ctx;
  const customerKey = stringParam(params, 'customer');
  const domainParam = stringParam(params, 'domain');
  if (!customerKey && !domainParam) throw fail.badRequest();
  let view: CustomerView;
  if (customerKey) {
    view = store.customer(customerKey);
    if (domainParam && store.customerForDomain(domainParam) !== view) throw fail.forbidden();
  } else {
    view = store.customerForDomain(domainParam as string);
  }
  const domain = domainParam ? fold(domainParam) : undefined;
  const shape = userView(params);
  const orderBy = enumParam(params, 'orderBy', ['email', 'familyName', 'givenName'] as const, 'email');
  const sortOrder = enumParam(params, 'sortOrder', ['ASCENDING', 'DESCENDING'] as const, 'ASCENDING');
  const showDeleted = boolParam(params, 'showDeleted');
  const maxResults = pageSize(params, USERS_DEFAULT_PAGE, USERS_MAX_PAGE);
  const query = params.get('query') ?? '';
  const parsed = parseUserQuery(query);
  if (!parsed.ok) throw fail.invalidQuery();
  // orgUnitPath search is an admin feature: Google allows it only with viewType=admin_view.
  if (shape.viewType === 'domain_public' && parsed.clauses.some((c) => c.kind === 'orgUnit')) throw fail.invalidQuery();

  const scopeKey = JSON.stringify(['users', view.key, domain ?? '', query, orderBy, sortOrder, showDeleted, shape.viewType]);
  const matching = ctx.cache.get(scopeKey, () => {
    const pool = (showDeleted ? view.deleted : view.live).filter(
      (u) =>
        (domain === undefined || emailDomain(u.primaryEmail) === domain) &&
        (shape.viewType === 'admin_view' || (u as { includeInGlobalAddressList?: boolean }).includeInGlobalAddressList !== false) &&
        userMatchesQuery(u, parsed.clauses, view.seed),
    );
    return sortUsers(pool, orderBy, sortOrder === 'DESCENDING');
  });
  const { page, nextPageToken } = pageOf(matching, scopeKey, { pageToken: stringParam(params, 'pageToken'), maxResults }, ctx.pageTokens);
  const users = page.map((u) => renderUser(u, view, shape));
  return {
    kind: 'admin#directory#users',
    etag: listEtag(users),
    ...(users.length > 0 ? { users } : {}),
    ...(nextPageToken ? { nextPageToken } : {}),
  };
}

function getUser(ctx: RouteContext, [userKey]: string[]): Record<string, unknown> {
  const shape = userView(ctx.params);
  const { customer, user } = ctx.store.user(userKey ?? '');
  return renderUser(user, customer, shape);
}

export const userRoutes: Route[] = [
  {
    pattern: new RegExp(`^${BASE}/users$`),
    endpoint: `GET ${BASE}/users`,
    apiMethod: 'ccc.hosted.frontend.directory.v1.DirectoryUsers.List',
    scopes: 'users',
    shape: SHAPES.users,
    handle: listUsers,
  },
  {
    pattern: new RegExp(`^${BASE}/users/([^/]+)$`),
    endpoint: `GET ${BASE}/users/{userKey}`,
    apiMethod: 'ccc.hosted.frontend.directory.v1.DirectoryUsers.Get',
    scopes: 'users',
    shape: SHAPES.user,
    handle: getUser,
  },
];
