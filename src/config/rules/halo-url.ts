import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { report, type Finding, type RuleContext } from './context.js';

const POINTER = '/halo/url';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function urlFinding(raw: string): Finding | undefined {
  const error = (code: string, message: string): Finding => ({ code, pointer: POINTER, message });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return error('halo-url-invalid', `halo.url '${raw}' is not a URL: write the full base URL of Halo, e.g. https://acme.halopsa.com`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return error('halo-url-scheme', `halo.url must start with https:// (or http:// for a local Halo such as the sandbox), not ${url.protocol}//`);
  }
  if (url.username || url.password) {
    return error('secret-in-config', 'halo.url contains a user name or password: secrets never go in this file; put the client id and secret in HALO_CLIENT_ID and HALO_CLIENT_SECRET');
  }
  if (/\/(api|auth)\/?$/i.test(url.pathname)) {
    const base = `${url.origin}${url.pathname.replace(/\/(api|auth)\/?$/i, '')}`;
    return error('halo-url-api-suffix', `halo.url is the base URL of Halo, without /api or /auth (halo-sync adds them): use ${base}`);
  }
  if (url.search || url.hash) return error('halo-url-query', `halo.url must not carry a query or fragment: use ${url.origin}${url.pathname.replace(/\/$/, '')}`);
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    return { severity: 'warning', code: 'halo-url-plain-http', pointer: POINTER, message: 'halo.url uses plain http: the client secret and access tokens would cross the network unencrypted; use https' };
  }
  return undefined;
}

/** Halo is reached over http(s) at its base URL; the client adds /api and /auth itself. */
export function haloUrl(context: RuleContext): Diagnostic[] {
  const finding = urlFinding(context.config.halo.url);
  return finding ? [report(context, finding)] : [];
}
