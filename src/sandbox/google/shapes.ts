/**
 * Field names of each Directory resource (from the generated client's Schema$… types), used to
 * refuse `fields` selections of fields that do not exist, as Google does.
 */
import type { ResourceShape } from './fields-mask.js';

const USER = [
  'addresses', 'agreedToTerms', 'aliases', 'archivalTime', 'archived', 'changePasswordAtNextLogin', 'creationTime',
  'customerId', 'customSchemas', 'deletionTime', 'emails', 'etag', 'externalIds', 'gender', 'guestAccountInfo',
  'hashFunction', 'id', 'ims', 'includeInGlobalAddressList', 'ipWhitelisted', 'isAdmin', 'isDelegatedAdmin',
  'isEnforcedIn2Sv', 'isEnrolledIn2Sv', 'isGuestUser', 'isMailboxSetup', 'keywords', 'kind', 'languages',
  'lastLoginTime', 'locations', 'name', 'nonEditableAliases', 'notes', 'organizations', 'orgUnitPath', 'password',
  'phones', 'posixAccounts', 'primaryEmail', 'recoveryEmail', 'recoveryPhone', 'relations', 'sshPublicKeys',
  'suspended', 'suspensionReason', 'suspensionTime', 'thumbnailPhotoEtag', 'thumbnailPhotoUrl', 'websites',
];
const GROUP = [
  'adminCreated', 'aliases', 'description', 'directMembersCount', 'email', 'etag', 'externalIds', 'id', 'kind', 'name',
  'nonEditableAliases',
];
const MEMBER = ['delivery_settings', 'email', 'etag', 'id', 'kind', 'role', 'status', 'type'];
const CUSTOMER = [
  'alternateEmail', 'customerCreationTime', 'customerDomain', 'etag', 'id', 'kind', 'language', 'phoneNumber',
  'postalAddress',
];

export const SHAPES = {
  users: { keys: ['etag', 'kind', 'nextPageToken', 'trigger_event', 'users'], children: { users: USER } },
  user: { keys: USER, children: {} },
  groups: { keys: ['etag', 'groups', 'kind', 'nextPageToken'], children: { groups: GROUP } },
  group: { keys: GROUP },
  members: { keys: ['etag', 'kind', 'members', 'nextPageToken'], children: { members: MEMBER } },
  hasMember: { keys: ['isMember'] },
  customer: { keys: CUSTOMER },
} satisfies Record<string, ResourceShape>;
