/**
 * `halo-sync explain EMAIL` as readable text: who the person is in Google, each mapping with the
 * clause that decided it, who placed them, how Halo matched them, what they get (fields, roles,
 * CABs, licence) and what this plan does to them. Pure: returns a string.
 */
import type { FilterTrace } from '../filter/evaluate.js';
import type { AccessTrace, Explanation, ImportTrace, MappingTrace } from '../plan/index.js';
import type { Change, FieldValue } from '../plan/types.js';
import { palette, type Palette } from './color.js';
import { sanitizeText } from './sanitize.js';

export interface ExplainRenderOptions {
  color: boolean;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (Array.isArray(value)) return value.map(show).join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function traceLines(trace: FilterTrace, p: Palette, pad: string): string[] {
  const mark = trace.result ? p.green('✓') : p.red('✗');
  if (trace.kind === 'clause' && trace.clause) {
    const { field, op, value } = trace.clause;
    const actual = op === 'memberOf' ? (trace.actual ? 'a member' : 'not a member') : `is ${show(trace.actual)}`;
    return [`${pad}${mark} ${field} ${op} ${show(value)} ${p.dim(`(${actual})`)}`];
  }
  const children = trace.children ?? [];
  if (children.length === 0) return [`${pad}${mark} no filter: everyone the mapping reads`];
  const head = `${pad}${mark} ${trace.kind === 'all' ? 'all of' : 'any of'}:`;
  return [head, ...children.flatMap((c) => traceLines(c, p, `${pad}  `))];
}

/**
 * One mapping's verdict. A mapping only considers people its read returned; for the others the
 * filter is still evaluated on the person's data, so the reader sees which clause keeps them out.
 */
function mappingLines(m: MappingTrace, placedBy: string | null, personCustomer: string | null, p: Palette): string[] {
  let verdict: string;
  const otherDirectory = m.customer !== null && m.customer !== 'my_customer' && personCustomer !== null && m.customer !== personCustomer;
  if (!m.candidate && otherDirectory) verdict = p.dim(`not considered: it reads customer ${m.customer}'s directory, this person is in ${personCustomer}`);
  else if (!m.candidate) verdict = m.trace.result ? p.dim('not considered: its read did not return them (the filter below would match)') : p.red('does not match (not returned by its read)');
  else if (m.mapping === placedBy) verdict = p.green('placed them');
  else if (m.matched) verdict = p.dim(`matches too, but "${placedBy}" comes first (first mapping wins)`);
  else verdict = p.red('does not match');
  const out = [`  ${m.matched ? p.green('✓') : p.red('✗')} mapping "${m.mapping}": ${verdict}`];
  for (const reason of m.uncertain) out.push(`      ${p.yellow('!')} scope uncertain: ${reason}`);
  if (!otherDirectory || m.candidate) out.push(...traceLines(m.trace, p, '      '));
  return out;
}

function accessLines(label: string, items: readonly AccessTrace[], p: Palette): string[] {
  if (items.length === 0) return [];
  return [`  ${label}:`, ...items.map((a) => {
    const holds = a.holds === null ? '' : a.holds ? ' (holds it now)' : ' (does not hold it now)';
    if (a.state === 'grant') return `    ${p.green('+')} ${a.name}: member of ${a.grantedBy.join(', ')}${p.dim(holds)}`;
    if (a.state === 'hold') return `    ${p.yellow('?')} ${a.name}: not seen in ${a.groups.join(' or ')}, which was not read whole: never removed on that evidence${p.dim(holds)}`;
    return `    ${p.red('-')} ${a.name}: not a member of ${a.groups.join(' or ')}${p.dim(holds)}`;
  })];
}

function importLines(t: ImportTrace, personCustomer: string | null, p: Palette): string[] {
  const title = t.kind === 'users' ? 'Users import (Halo end users)' : 'Agents import (Halo agents)';
  const out = ['', p.bold(title)];
  if (t.mappings.length === 0) out.push(p.dim('  no mappings feed this import'));
  for (const m of t.mappings) out.push(...mappingLines(m, t.placedBy, personCustomer, p));
  out.push(t.placedBy ? `  → placed by "${t.placedBy}"` : `  → no ${t.kind} mapping places them`);
  if (t.heldBy.length) out.push(`  ${p.yellow('!')} earlier mapping(s) ${t.heldBy.map((m) => `"${m}"`).join(', ')} could not be read completely: placement is held`);
  if (t.match) out.push(`  Halo: ${t.match.detail}`);
  if (t.desired.length) {
    out.push('  Fields from Google:');
    for (const d of t.desired) out.push(`    ${d.field} = ${show(d.value as FieldValue)} ${p.dim(`(${d.from})`)}`);
  }
  if (t.defaultRole) out.push(`  Default role on create: ${t.defaultRole}`);
  out.push(...accessLines('Roles', t.roles, p), ...accessLines('CABs', t.cabs, p));
  if (t.licence) out.push(`  Licence: ${t.licence.active ? p.green(t.licence.note) : p.red(t.licence.note)} ${p.dim(`(licensed roles: ${t.licence.activeRoles.join(', ')})`)}`);
  for (const note of t.lifecycle) out.push(`  Lifecycle: ${note}`);
  return out;
}

const SYMBOL: Record<Change['action'], string> = {
  create: '+', link: '=', reactivate: '+', update: '~', roles: '~', cabs: '~', deactivate: '-', settings: '~',
};

function changeLines(c: Change, p: Palette): string[] {
  const symbol = SYMBOL[c.action];
  const paint = symbol === '+' ? p.green : symbol === '-' ? p.red : p.yellow;
  const out = [`  ${paint(`${symbol} ${c.action} ${c.subject}`)}${c.haloId !== null ? ` #${c.haloId}` : ''} ${p.dim(`— ${c.reason}`)}`];
  for (const f of c.fields) out.push(`      ${f.field}: ${show(f.before)} → ${show(f.after)}`);
  if (c.roles.add.length || c.roles.remove.length) out.push(`      roles: ${[...c.roles.add.map((r) => `+${r}`), ...c.roles.remove.map((r) => `-${r}`)].join(', ')}`);
  if (c.cabs.add.length || c.cabs.remove.length) out.push(`      CABs: ${[...c.cabs.add.map((r) => `+${r}`), ...c.cabs.remove.map((r) => `-${r}`)].join(', ')}`);
  return out;
}

/** Every string in the explanation made safe to print (directory values are untrusted text). */
function sanitizeDeep<T>(value: T): T {
  if (typeof value === 'string') return sanitizeText(value) as T;
  if (Array.isArray(value)) return value.map(sanitizeDeep) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitizeDeep(v)])) as T;
  }
  return value;
}

export function renderExplanation(untrusted: Explanation, options: ExplainRenderOptions): string {
  // A name holding a terminal escape sequence must not recolour the terminal or move the cursor.
  const explanation = sanitizeDeep(untrusted);
  const p = palette(options.color);
  const out: string[] = [];
  const person = explanation.person;
  if (person) {
    const state = person.suspended ? p.red('suspended') : person.archived ? p.red('archived') : p.green('active');
    out.push(p.bold(`${person.primaryEmail} — ${person.name ?? '(no name)'}`));
    out.push(`  Google id ${person.googleId}, ${person.orgUnitPath}${person.customerId ? `, customer ${person.customerId}` : ''}, ${state}`);
    if (person.source === 'read') out.push(`  returned by: ${person.reads.join(', ')}`);
    if (person.source === 'lookup') out.push('  not returned by the filtered reads; found by a direct users.get (Google\'s search index can lag)');
  } else {
    out.push(p.bold(explanation.query));
  }
  if (explanation.note) out.push(`  ${p.yellow(explanation.note)}`);
  for (const d of explanation.diagnostics.filter((x) => x.severity === 'error')) out.push(`  ${p.red('error:')} ${d.message}`);
  for (const t of explanation.imports) out.push(...importLines(t, explanation.person?.customerId ?? null, p));
  if (explanation.haloRecords.length) {
    out.push('', p.bold('Halo records'));
    for (const r of explanation.haloRecords) {
      out.push(`  ${r.subject} #${r.haloId} ${r.name ?? ''} <${r.email ?? ''}> ${r.googleId ? `linked to Google id ${r.googleId}` : 'not linked'}${r.inactive ? ', inactive' : ''}`);
    }
  }
  out.push('', p.bold('Planned changes'));
  if (explanation.changes.length === 0) out.push(p.dim(explanation.diagnostics.some((d) => d.severity === 'error') ? '  none: the plan could not be made' : '  none'));
  for (const c of explanation.changes) out.push(...changeLines(c, p));
  if (explanation.warnings.length) {
    out.push('', p.bold('Warnings'));
    for (const w of explanation.warnings) out.push(`  ${p.yellow('!')} ${w.code}: ${w.message}`);
  }
  return `${out.join('\n')}\n`;
}
