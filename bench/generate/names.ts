/**
 * Name material for synthetic organisations. Every person gets a DISTINCT given name + family name
 * pair (so emails are unique and name matching is never ambiguous by accident): person i takes
 * GIVEN[i % GIVEN.length] and the family name number floor(i / GIVEN.length), built from two
 * syllable lists. 96 given names × 1,296 family names ≈ 124k distinct people.
 */

export const GIVEN = [
  'Aaron', 'Abigail', 'Adam', 'Adele', 'Aisha', 'Alan', 'Alice', 'Amara', 'Amir', 'Ana', 'Andrew', 'Anika',
  'Ben', 'Bianca', 'Brian', 'Camila', 'Carl', 'Carmen', 'Chen', 'Chloe', 'Clara', 'Daniel', 'Dana', 'David',
  'Diego', 'Elena', 'Eli', 'Emma', 'Erik', 'Fatima', 'Felix', 'Fiona', 'Gabriel', 'Grace', 'Hana', 'Hannah',
  'Hugo', 'Ian', 'Ines', 'Isaac', 'Ivy', 'Jack', 'Jade', 'James', 'Jin', 'Jonas', 'Julia', 'Kai',
  'Karim', 'Kate', 'Kenji', 'Laila', 'Leo', 'Lena', 'Liam', 'Lucy', 'Luis', 'Maya', 'Marcus', 'Maria',
  'Mateo', 'Mei', 'Mia', 'Nadia', 'Nathan', 'Nina', 'Noah', 'Nora', 'Olivia', 'Omar', 'Oscar', 'Owen',
  'Paula', 'Peter', 'Priya', 'Quinn', 'Rachel', 'Ravi', 'Rosa', 'Ryan', 'Sam', 'Sara', 'Sofia', 'Tariq',
  'Tess', 'Theo', 'Tom', 'Uma', 'Victor', 'Vera', 'Will', 'Xin', 'Yara', 'Yusuf', 'Zara', 'Zoe',
];

const FAMILY_HEAD = [
  'Ab', 'Bar', 'Cal', 'Dal', 'Ed', 'Fair', 'Gal', 'Har', 'Ing', 'Jor', 'Kas', 'Lind', 'Mar', 'Nor', 'Os', 'Pem',
  'Quin', 'Ros', 'Sal', 'Tal', 'Ul', 'Val', 'Wes', 'Yor', 'Zel', 'Bran', 'Cor', 'Dun', 'Fen', 'Gar', 'Hol', 'Kel',
  'Lor', 'Mor', 'Pal', 'Ren',
];
const FAMILY_TAIL = [
  'ber', 'by', 'dale', 'den', 'ford', 'gate', 'ham', 'holt', 'ley', 'lin', 'man', 'mer', 'mont', 'more', 'ner', 'ova',
  'rick', 'sen', 'son', 'stad', 'ton', 'vik', 'wick', 'wood', 'ez', 'ari', 'elli', 'ini', 'off', 'ski', 'ström', 'aux',
  'ado', 'ic', 'ow', 'ey',
];

export const MAX_PEOPLE = GIVEN.length * FAMILY_HEAD.length * FAMILY_TAIL.length;

export interface PersonName {
  givenName: string;
  familyName: string;
  /** `given.family`, lower-case ASCII: the email's local part. */
  local: string;
}

function ascii(text: string): string {
  return text.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
}

export function personName(index: number): PersonName {
  if (index >= MAX_PEOPLE) throw new Error(`the name pool holds ${MAX_PEOPLE} people; person ${index} asked`);
  const givenName = GIVEN[index % GIVEN.length] as string;
  const family = Math.floor(index / GIVEN.length);
  const head = FAMILY_HEAD[family % FAMILY_HEAD.length] as string;
  const tail = FAMILY_TAIL[Math.floor(family / FAMILY_HEAD.length) % FAMILY_TAIL.length] as string;
  const familyName = `${head}${tail}`;
  return { givenName, familyName, local: `${ascii(givenName)}.${ascii(familyName)}` };
}

/** Customer organisations: a place and a trade, every pair distinct. */
const PLACES = [
  'Harbor', 'Keystone', 'Lakeside', 'Summit', 'Riverside', 'Granite', 'Maple', 'Beacon', 'Cedar', 'Pioneer',
  'Northgate', 'Silverline', 'Oakridge', 'Bayview', 'Ironwood', 'Meadow',
];
const TRADES = ['Dental', 'Legal', 'Veterinary', 'Logistics', 'Builders', 'Accounting', 'Clinics', 'Schools', 'Hotels', 'Foods', 'Realty', 'Energy'];

export const MAX_CUSTOMERS = PLACES.length * TRADES.length;

export function customerName(index: number): { name: string; domain: string } {
  const place = PLACES[index % PLACES.length] as string;
  const trade = TRADES[Math.floor(index / PLACES.length) % TRADES.length] as string;
  return { name: `${place} ${trade}`, domain: `${place}${trade}.example`.toLowerCase() };
}

/** A 21-digit Google id, distinct per person number, not in creation order. */
export function googleId(index: number): string {
  // An affine map modulo 10^20 with a multiplier coprime to 10 is a bijection: distinct ids.
  const mixed = (BigInt(index) * 48_271_000_003n + 7_919_000_000_017n) % 100_000_000_000_000_000_000n;
  return `1${mixed.toString().padStart(20, '0')}`;
}
