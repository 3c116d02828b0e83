/**
 * The part of the Markdown plan that always survives the size budget: the counts table, the risk
 * banners (GitHub alerts) and the safety verdict. Everything here is bounded in size whatever the
 * plan holds: people are listed at most BANNER_PEOPLE at a time.
 */
import type { Change, Plan } from '../plan/types.js';
import { personLabel } from './context.js';
import { escapeMarkdown } from './markdown-escape.js';
import { agentSeatDelta, formatCount, isLicenceChange, signed, type AgentSeatDelta } from './summary.js';

const BANNER_PEOPLE = 10;

const count = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** The counts table; rows that are zero for users and agents alike are left out. */
export function countsTable(plan: Plan): string {
  const { users, agents, roles, cabs, settings } = plan.summary;
  const seats = agentSeatDelta(plan);
  const rows: string[] = [];
  const row = (label: string, u: number, a: number) => {
    if (u !== 0 || a !== 0) rows.push(`| ${label} | ${formatCount(u)} | ${formatCount(a)} |\n`);
  };
  row('Create', users.create, agents.create);
  row('Link', users.link, agents.link);
  row('Reactivate', users.reactivate, agents.reactivate);
  row('Update', users.update, agents.update);
  row('Deactivate', users.deactivate, agents.deactivate);
  if (roles.add + roles.remove > 0) rows.push(`| Role assignments | — | +${formatCount(roles.add)} / −${formatCount(roles.remove)} |\n`);
  if (cabs.add + cabs.remove > 0) rows.push(`| CAB seats | — | +${formatCount(cabs.add)} / −${formatCount(cabs.remove)} |\n`);
  if (seats.created + seats.reactivated + seats.deactivated > 0) rows.push(`| Active agents (licences) | — | ${signed(seats.delta)} |\n`);
  const table = rows.length > 0 ? `| Change | Users | Agents |\n|:--|--:|--:|\n${rows.join('')}` : '';
  const settingsLine = settings.update > 0 ? `${table === '' ? '' : '\n'}⚙️ **Halo settings:** ${formatCount(settings.update)} to update.\n` : '';
  return table + settingsLine;
}

/** `a@x, b@y and 3 more` (escaped), or nothing in privacy mode. */
function people(changes: readonly Change[], privacy: boolean): string {
  if (privacy || changes.length === 0) return '';
  const shown = changes.slice(0, BANNER_PEOPLE).map((c) => escapeMarkdown(personLabel(c)));
  const more = changes.length - shown.length;
  return `: ${shown.join(', ')}${more > 0 ? ` and ${formatCount(more)} more` : ''}`;
}

function tally(names: string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const shown = sorted.slice(0, BANNER_PEOPLE).map(([name, n]) => `${escapeMarkdown(name)} ×${formatCount(n)}`);
  const more = sorted.length - shown.length;
  return shown.join(', ') + (more > 0 ? ` and ${formatCount(more)} more` : '');
}

function seatLine(seats: AgentSeatDelta): string {
  return `**Active agents (licensed seats): ${signed(seats.delta)}** (${formatCount(seats.created)} created, ${formatCount(seats.reactivated)} reactivated, ${formatCount(seats.deactivated)} deactivated)`;
}

/** Warning codes that concern the whole run and are raised into the banner, not just listed. */
const LOUD_WARNINGS: Record<string, string> = {
  'two-writers': "Halo's own Google Workspace integrator is switched on: it and halo-sync would both edit the same people.",
  'incomplete-read': 'A directory read did not complete: nobody is deactivated for being missing from it.',
};

function riskItems(plan: Plan, privacy: boolean): string[] {
  const items: string[] = [];
  const deactivations = plan.changes.filter((c) => c.action === 'deactivate');
  if (deactivations.length > 0) {
    const u = deactivations.filter((c) => c.subject === 'user').length;
    const n = deactivations.length;
    const split = [u > 0 ? count(u, 'user', 'users') : '', n - u > 0 ? count(n - u, 'agent', 'agents') : ''].filter(Boolean).join(', ');
    items.push(`**${count(n, 'person', 'people')} will be deactivated** (${split})${people(deactivations, privacy)}`);
  }
  const licenceOff = deactivations.filter((c) => c.subject === 'agent' && isLicenceChange(c));
  if (licenceOff.length > 0) {
    items.push(`**${formatCount(licenceOff.length)} ${licenceOff.length === 1 ? 'agent loses its' : 'agents lose their'} licence** (licence management: no active role left)${people(licenceOff, privacy)}`);
  }
  const licenceOn = plan.changes.filter((c) => c.action === 'reactivate' && c.subject === 'agent' && isLicenceChange(c));
  if (licenceOn.length > 0) {
    items.push(`**${formatCount(licenceOn.length)} ${licenceOn.length === 1 ? 'agent gets' : 'agents get'} a licence back** (licence management)${people(licenceOn, privacy)}`);
  }
  const roleRemovals = plan.changes.flatMap((c) => c.roles.remove);
  if (roleRemovals.length > 0) items.push(`**${formatCount(roleRemovals.length)} role ${roleRemovals.length === 1 ? 'removal' : 'removals'}**: ${tally(roleRemovals)}`);
  const cabRemovals = plan.changes.flatMap((c) => c.cabs.remove);
  if (cabRemovals.length > 0) items.push(`**${formatCount(cabRemovals.length)} CAB seat ${cabRemovals.length === 1 ? 'removal' : 'removals'}**: ${tally(cabRemovals)}`);
  const loud = new Set(plan.warnings.map((w) => w.code).filter((code) => code in LOUD_WARNINGS));
  for (const code of [...loud].sort()) items.push(`**${escapeMarkdown(code)}**: ${LOUD_WARNINGS[code]}`);
  return items;
}

const quote = (lines: string[]) => lines.map((line) => (line === '' ? '>' : `> ${line}`)).join('\n') + '\n';

/** GitHub alert banners: CAUTION when apply will refuse, WARNING for lost access, NOTE for seats. */
export function banners(plan: Plan, privacy: boolean): string {
  const blocks: string[] = [];
  if (!plan.safety.ok || plan.safety.violations.length > 0) {
    const violations = plan.safety.violations.map((v) => {
      const what = privacy ? escapeMarkdown(v.code) : `${escapeMarkdown(v.code)}: ${escapeMarkdown(v.message, 300)}`;
      return `- ${what} (actual ${formatCount(v.actual)}, limit ${formatCount(v.limit)})`;
    });
    blocks.push(quote([
      '[!CAUTION]',
      '**Apply will refuse this plan: it goes over the safety limits.**',
      ...(violations.length > 0 ? violations : ['- the planner marked this plan unsafe without naming a limit']),
      '',
      'Nothing in this plan will be applied. To go over a limit, change the safety section of the config through review.',
    ]));
  }
  const risks = riskItems(plan, privacy);
  const seats = agentSeatDelta(plan);
  if (risks.length > 0) {
    const seatItem = seats.delta !== 0 || seats.created + seats.reactivated + seats.deactivated > 0 ? [`- ${seatLine(seats)}`] : [];
    blocks.push(quote(['[!WARNING]', '**Review before merging: this plan removes access or changes licences.**', ...risks.map((r) => `- ${r}`), ...seatItem]));
  } else if (seats.delta !== 0) {
    blocks.push(quote(['[!NOTE]', seatLine(seats)]));
  }
  return blocks.join('\n');
}

export function safetyLine(plan: Plan): string {
  if (!plan.safety.ok || plan.safety.violations.length > 0) return '';
  return plan.changes.length > 0 ? '✅ **Safety:** within the configured limits.\n' : '';
}
