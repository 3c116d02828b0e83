/**
 * Checks the shape of what the Directory API answered with status 200, before anything reads it.
 * The client library hands back whatever came: an HTML sign-in page or truncated JSON arrives as a
 * string, a proxy may send `[]` or `null`, a field may have the wrong type. Read naively
 * (`data.users ?? []`) each of those looks like an empty directory or an empty group, i.e. like
 * everyone leaving or losing their roles. So each one is an ApiError naming the call, with reason
 * INVALID_ANSWER, which the readers never turn into an incomplete read: the run stops before any
 * write. (A missing `users` or `members` list is Google's way of saying "none", and stays valid.)
 */
import { ApiError } from '../diagnostics/errors.js';
import { htmlText, looksLikeHtml } from '../diagnostics/html.js';
import type { DirectoryUser } from '../model/directory.js';
import type { GroupMember } from './client.js';
import { excerpt, type GoogleCall } from './errors.js';

export const INVALID_ANSWER = 'invalidAnswer';

export function isInvalidAnswer(error: unknown): boolean {
  return error instanceof ApiError && error.service === 'Google' && error.reason === INVALID_ANSWER;
}

/** What a value is, in words; `raw`: the whole answer, where a string means the body was not JSON. */
function describe(value: unknown, raw = false): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string' && raw) {
    if (looksLikeHtml(value)) {
      const text = htmlText(value);
      return `an HTML page${text ? ` ("${text.slice(0, 80)}")` : ''} instead of JSON`;
    }
    return `text that is not JSON (truncated?) (${value.length} characters)`;
  }
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}

function invalid(call: GoogleCall, problem: string): ApiError {
  const text = excerpt(`Google answered ${problem}; is GOOGLE_API_ROOT the Directory API?`, call);
  return new ApiError('Google', call.method, call.path, 200, text, { reason: INVALID_ANSWER, retryable: false });
}

function record(data: unknown, call: GoogleCall, what: string, raw = false): Record<string, unknown> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw invalid(call, `${describe(data, raw)} where ${what} was expected`);
  return data as Record<string, unknown>;
}

function list(body: Record<string, unknown>, key: string, call: GoogleCall): unknown[] {
  const value = body[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid(call, `"${key}" as ${describe(value)}, not a list`);
  return value;
}

function pageToken(body: Record<string, unknown>, call: GoogleCall): string | undefined {
  const token = body.nextPageToken;
  if (token === undefined || token === null || token === '') return undefined;
  if (typeof token !== 'string') throw invalid(call, `"nextPageToken" as ${describe(token)}`);
  return token;
}

export function checkUser(value: unknown, call: GoogleCall, where = 'a user'): DirectoryUser {
  const user = record(value, call, where, where === 'a user');
  for (const key of ['id', 'primaryEmail'] as const) {
    if (typeof user[key] !== 'string' || user[key] === '') throw invalid(call, `${where} with ${key} ${describe(user[key])}`);
  }
  return user as unknown as DirectoryUser;
}

export function checkUsersPage(data: unknown, call: GoogleCall): { users: DirectoryUser[]; nextPageToken: string | undefined } {
  const body = record(data, call, 'a page of users', true);
  const users = list(body, 'users', call).map((u, i) => checkUser(u, call, `user #${i + 1}`));
  return { users, nextPageToken: pageToken(body, call) };
}

export function checkMembersPage(data: unknown, call: GoogleCall): { members: GroupMember[]; nextPageToken: string | undefined } {
  const body = record(data, call, 'a page of group members', true);
  const members = list(body, 'members', call).map((m, i) => {
    const member = record(m, call, `member #${i + 1}`);
    const named = ['id', 'email'].some((k) => typeof member[k] === 'string' && member[k] !== '');
    const typed = ['id', 'email', 'type'].every((k) => member[k] === undefined || typeof member[k] === 'string');
    if (!named || !typed) throw invalid(call, `member #${i + 1} without a usable id or email (${JSON.stringify(member).slice(0, 80)})`);
    return member as GroupMember;
  });
  return { members, nextPageToken: pageToken(body, call) };
}

export function checkCustomer(data: unknown, call: GoogleCall): Record<string, unknown> {
  return record(data, call, 'a customer', true);
}
