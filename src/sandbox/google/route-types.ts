/** What a Directory route is given and what it declares (scope family, resource shape for `fields`). */
import type { ReadKind } from './auth.js';
import type { DirectoryStore } from './directory.js';
import type { ResourceShape } from './fields-mask.js';
import type { PageTokens, ResultCache } from './paging.js';

export interface RouteContext {
  params: URLSearchParams;
  store: DirectoryStore;
  cache: ResultCache;
  pageTokens: PageTokens;
}

export interface Route {
  pattern: RegExp;
  /** Stats label with ids collapsed, e.g. `GET /admin/directory/v1/users/{userKey}`. */
  endpoint: string;
  /** Google's method name, e.g. `ccc.hosted.frontend.directory.v1.DirectoryUsers.List` (error details). */
  apiMethod: string;
  scopes: ReadKind;
  shape: ResourceShape;
  handle(ctx: RouteContext, pathParams: string[]): Record<string, unknown>;
}
