/**
 * The bad-answer corpus: what a broken proxy, a captive portal, a wrong base URL, a truncated
 * transfer or an API change can hand back, per read halo-sync makes. Each entry is aimed at one
 * endpoint of the sandbox (scripted answer, every attempt) and names the call the error must name.
 */

export type BadAnswerKind = 'html' | 'truncated' | 'wrong-type' | 'missing-wrapper' | 'null';

export interface BadAnswer {
  api: 'Halo' | 'Google';
  name: string;
  kind: BadAnswerKind;
  /** Sandbox endpoint key, as in `/_sandbox/stats`. */
  endpoint: string;
  /** What the error message must name after `<api> API GET `. */
  path: string;
  status: number;
  contentType: string;
  body: string;
  /** More of the message, when it should say something specific. */
  says?: RegExp;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';
const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>Sign in - Corporate Proxy</title></head><body><form>…</form></body></html>';
const ERROR_PAGE = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center></body></html>';

function halo(endpoint: string, kind: BadAnswerKind, name: string, body: string, extra: Partial<BadAnswer> = {}): BadAnswer {
  const path = endpoint.replace(/^GET /, '');
  return { api: 'Halo', name, kind, endpoint, path, status: 200, contentType: JSON_TYPE, body, ...extra };
}

const USERS = 'GET /admin/directory/v1/users';
const MEMBERS = 'GET /admin/directory/v1/groups/{groupKey}/members';
const USER = 'GET /admin/directory/v1/users/{userKey}';

function google(endpoint: string, kind: BadAnswerKind, name: string, body: string, extra: Partial<BadAnswer> = {}): BadAnswer {
  const path = endpoint === MEMBERS ? '/admin/directory/v1/groups/' : endpoint === USER ? '/admin/directory/v1/users/999000999000' : '/admin/directory/v1/users';
  return { api: 'Google', name, kind, endpoint, path, status: 200, contentType: JSON_TYPE, body, ...extra };
}

export const BAD_ANSWERS: BadAnswer[] = [
  // Halo
  halo('GET /api/Users', 'html', 'a sign-in page with status 200', LOGIN_PAGE, { contentType: HTML_TYPE, says: /HTML page instead of JSON \("Sign in - Corporate Proxy"\)/ }),
  halo('GET /api/Users', 'html', 'an HTML error page with status 500, on every retry', ERROR_PAGE, { status: 500, contentType: HTML_TYPE, says: /failed \(500\): 502 Bad Gateway/ }),
  halo('GET /api/Users', 'html', 'an HTML page labelled as JSON', LOGIN_PAGE),
  halo('GET /api/Users', 'truncated', 'JSON cut off mid-record', '{"page_no":1,"page_size":1000,"record_count":40,"users":[{"id":101,"name":"Rachel K', { says: /invalid JSON \(truncated\?\)/ }),
  halo('GET /api/Users', 'truncated', 'an empty body', '', { says: /empty body/ }),
  halo('GET /api/Users', 'missing-wrapper', 'a wrapper without the users list', '{"page_no":1,"record_count":40}', { says: /without a "users" list/ }),
  halo('GET /api/Users', 'missing-wrapper', 'an empty page while record_count says 40', '{"page_no":1,"record_count":40,"users":[]}', { says: /returned 0 records but its record_count says 40/ }),
  halo('GET /api/Users', 'null', 'users: null', '{"record_count":40,"users":null}'),
  halo('GET /api/Users', 'null', 'a null user', '{"record_count":1,"users":[null]}', { says: /user #1 as null/ }),
  halo('GET /api/Users', 'null', 'a user with id null', '{"record_count":1,"users":[{"id":null,"name":"X"}]}'),
  halo('GET /api/Users', 'wrong-type', 'a user id that is not a number', '{"record_count":1,"users":[{"id":"abc","name":"X"}]}', { says: /id string "abc"/ }),
  halo('GET /api/Users', 'wrong-type', 'an email address as a list', '{"record_count":1,"users":[{"id":1,"emailaddress":["a@b.example"]}]}'),
  halo('GET /api/Users', 'wrong-type', 'inactive as text', '{"record_count":1,"users":[{"id":1,"inactive":"yes"}]}', { says: /inactive as string/ }),
  halo('GET /api/Users', 'wrong-type', 'the answer is a number', '42'),
  halo('GET /api/Agent', 'null', 'null instead of the agent list', 'null'),
  halo('GET /api/Agent', 'null', 'an agent with id null', '[{"id":null,"name":null}]'),
  halo('GET /api/Agent', 'missing-wrapper', 'an object without an agents list', '{"record_count":3}'),
  halo('GET /api/Agent', 'wrong-type', 'roles as text', '[{"id":1,"name":"A","roles":"Technician"}]', { says: /roles as a non-list/ }),
  halo('GET /api/Agent', 'wrong-type', 'isdisabled as text', '[{"id":1,"name":"A","isdisabled":"false"}]'),
  halo('GET /api/Agent', 'truncated', 'a list cut off', '[{"id":1,"name":"A"},{"id":2,'),
  halo('GET /api/Site', 'wrong-type', 'a string instead of the site list', '"sites"'),
  halo('GET /api/Site', 'html', 'an HTML page', ERROR_PAGE, { contentType: HTML_TYPE }),
  halo('GET /api/Client', 'wrong-type', 'a client id that is an object', '{"clients":[{"id":{"value":1},"name":"X"}]}'),
  halo('GET /api/Roles', 'null', 'a role without an id', '[{"id":null,"name":"Technician"}]'),
  halo('GET /api/CAB', 'wrong-type', 'CAB members as text', '[{"id":1,"name":"Infrastructure CAB","members":"everyone"}]'),
  halo('GET /api/Control', 'wrong-type', 'the settings as a list', '[]'),
  halo('GET /api/Control', 'truncated', 'the settings cut off', '{"enablegooglesso":tr'),
  // Google
  google(USERS, 'html', 'a sign-in page with status 200', LOGIN_PAGE, { contentType: HTML_TYPE, says: /HTML page \("Sign in - Corporate Proxy"\) instead of JSON/ }),
  google(USERS, 'html', 'an HTML page labelled as JSON', ERROR_PAGE),
  google(USERS, 'truncated', 'JSON cut off mid-user', '{"kind":"admin#directory#users","users":[{"id":"1","primaryEmail":"a@b', { says: /not JSON \(truncated\?\)/ }),
  google(USERS, 'truncated', 'an empty body', ''),
  google(USERS, 'missing-wrapper', 'a bare list', '[{"id":"1","primaryEmail":"a@harbordental.example"}]', { says: /a list where a page of users was expected/ }),
  google(USERS, 'null', 'null', 'null'),
  google(USERS, 'null', 'a null user', '{"users":[null]}'),
  google(USERS, 'null', 'a user with id null', '{"users":[{"id":null,"primaryEmail":"a@harbordental.example"}]}'),
  google(USERS, 'null', 'a user without primaryEmail', '{"users":[{"id":"1"}]}', { says: /user #1 with primaryEmail nothing/ }),
  google(USERS, 'wrong-type', 'users as an object', '{"users":{"id":"1","primaryEmail":"a@harbordental.example"}}', { says: /"users" as an object, not a list/ }),
  google(USERS, 'wrong-type', 'a numeric user id', '{"users":[{"id":5,"primaryEmail":"a@harbordental.example"}]}'),
  google(USERS, 'wrong-type', 'a page token that is a number', '{"users":[],"nextPageToken":7}'),
  google(MEMBERS, 'html', 'an HTML page', LOGIN_PAGE, { contentType: HTML_TYPE }),
  google(MEMBERS, 'wrong-type', 'members as text', '{"members":"everyone"}'),
  google(MEMBERS, 'null', 'a member without id or email', '{"members":[{"type":"USER"}]}', { says: /member #1 without a usable id or email/ }),
  google(MEMBERS, 'missing-wrapper', 'a bare list', '[{"id":"1","email":"a@brightwater.example","type":"USER"}]'),
  google(MEMBERS, 'truncated', 'JSON cut off', '{"members":[{"id":"1","email":"a@'),
  google(USER, 'null', 'a looked-up user with id null', '{"id":null,"primaryEmail":"gone@harbordental.example"}'),
  google(USER, 'html', 'a looked-up user as an HTML page', LOGIN_PAGE, { contentType: HTML_TYPE }),
];
