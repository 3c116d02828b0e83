/**
 * A directory whose people chose hostile names and titles (anyone can set their own name in many
 * Workspace tenants): markup, links, mentions, table breakers, comment and <details> breakers,
 * terminal escapes, bidi overrides, very long and non-Latin values. One Halo record carries a
 * hostile title too (Halo's values are just as untrusted). Used by injection.test.ts.
 */
import type { DirectoryUser } from '../../src/model/directory.js';
import type { SandboxSeed } from '../../src/sandbox/seed-types.js';

export const HOSTILE: readonly string[] = [
  '<b>bold</b><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '![tracker](https://evil.example/pixel.png)',
  '@org/admins please approve',
  'fixes #1',
  'a | b | c',
  'back`tick` and ```triple```',
  '</details><details open><summary>pwned</summary>',
  '<!-- hidden',
  '**bold** _italic_ # heading',
  '日本語の名前',
  'العربية',
  'עברית',
  'Ελληνικά',
  '👩🏽‍💻 Zoë Ångström 🚀',
  'invoice\u202Eexe.pdf',
  '\u001b[31mred\u001b[0m \u001b]0;title\u0007',
  'line one\r\nline two',
  'x'.repeat(5000),
];

/** Values a reader must still be able to read (non-Latin scripts, emoji). */
export const READABLE: readonly string[] = ['日本語の名前', 'العربية', 'עברית', 'Ελληνικά', '👩🏽‍💻 Zoë Ångström 🚀'];

export const hostileEmail = (i: number) => `hostile${String(i).padStart(2, '0')}@evil.example`;
const googleId = (i: number) => String(400000000000000000000n + BigInt(i));

/** Person i: given name HOSTILE[i], family name HOSTILE[i+1], title HOSTILE[i+2], department HOSTILE[i+3]. */
export function hostileUser(i: number): DirectoryUser {
  const at = (k: number) => HOSTILE[(i + k) % HOSTILE.length]!;
  return {
    id: googleId(i),
    primaryEmail: hostileEmail(i),
    name: { givenName: at(0), familyName: at(1) },
    orgUnitPath: '/Staff',
    organizations: [{ title: at(2), department: at(3), primary: true }],
  };
}

/** The linked Halo user whose Halo title is hostile (so it shows as a "before" value). */
export const LINKED = HOSTILE.length;

export function injectionSeed(): SandboxSeed {
  const users = HOSTILE.map((_, i) => hostileUser(i));
  const linked: DirectoryUser = { ...hostileUser(LINKED), organizations: [{ title: 'Plain Title', department: 'Plain', primary: true }] };
  users.push(linked);
  return {
    google: { customers: { my_customer: { id: 'C0evil001', domain: 'evil.example', users, groups: [] } } },
    halo: {
      clients: [{ id: 1, name: 'Evil Co' }],
      sites: [{ id: 1, name: 'Head Office', client_id: 1 }],
      roles: [],
      cabs: [],
      users: [{
        id: 500, name: 'Linked Person', firstname: linked.name!.givenName!, surname: linked.name!.familyName!,
        emailaddress: linked.primaryEmail, site_id: 1, googleworkplace_id: linked.id,
        title: '</details><img src=x onerror=alert(2)> @org/admins \u001b[2J', department: 'Plain',
      }],
      agents: [],
      fields: [],
      control: { enablegooglesso: false, halointegrator_googleworkplace: false },
    },
  };
}

export const INJECTION_CONFIG = `version: 1
google: { directory: own }
halo: { url: https://evil.halopsa.com }
mappings:
  - name: staff
    site: Head Office
    filter: { field: orgUnitPath, op: under, value: /Staff }
fields:
  users:
    - { from: primaryEmail, to: emailaddress }
    - { from: organizations.title, to: title }
    - { from: organizations.department, to: department }
`;
