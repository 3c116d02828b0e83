/**
 * What an incomplete read kept this plan from doing. Missing data never counts as evidence: when a
 * directory read or a group did not come back whole, halo-sync holds back anything that would rely
 * on somebody being absent (deactivations, moves, role and CAB removals) and says so once per source.
 */
import type { PlanWarning } from './types.js';
import { compareText, listText, plural } from './text.js';

export interface UncertainSource {
  /** `read:<key>`, `group:<email>` or `mapping:<name>`. */
  key: string;
  code: 'incomplete-read' | 'group-not-found';
  /** What it is, e.g. `directory read "my_customer|…" (customer my_customer)`, `group dev@x`. */
  subject: string;
  /** What went wrong, e.g. the ApiError message. */
  problem: string;
  /** Mapping and rule names that depend on it (filled in as the plan is built). */
  usedBy: Set<string>;
}

export type HeldKind =
  | 'deactivation'
  | 'creation'
  | 'site move'
  | 'role removal'
  | 'CAB removal'
  | 'licence deactivation';

export class HoldLedger {
  private readonly held = new Map<string, Map<HeldKind, Set<string>>>();

  /** Records that `who` did not get `kind` because of these sources. */
  hold(sources: readonly UncertainSource[], kind: HeldKind, who: string): void {
    for (const source of sources) {
      let byKind = this.held.get(source.key);
      if (!byKind) this.held.set(source.key, (byKind = new Map()));
      let people = byKind.get(kind);
      if (!people) byKind.set(kind, (people = new Set()));
      people.add(who);
    }
  }

  heldFor(key: string): string {
    const byKind = this.held.get(key);
    if (!byKind || byKind.size === 0) return 'nothing was held back because of it';
    const parts = [...byKind.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([kind, people]) => {
        const names = [...people].sort(compareText);
        const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? `, … ${names.length - 5} more` : '');
        return `${plural(people.size, kind)} (${shown})`;
      });
    return `held back ${listText(parts)}`;
  }

  /** One warning per source that was used by this config. */
  warnings(sources: Iterable<UncertainSource>): PlanWarning[] {
    const out: PlanWarning[] = [];
    for (const source of sources) {
      if (source.usedBy.size === 0) continue;
      const users = [...source.usedBy].sort(compareText).join(', ');
      const lead =
        source.code === 'group-not-found'
          ? `${source.subject} was not found in Google (a typo?); it grants nothing and nothing it would remove is removed`
          : `${source.subject} is incomplete: ${source.problem}; nobody missing from it is treated as gone`;
      out.push({ code: source.code, message: `${lead}. Used by ${users}; ${this.heldFor(source.key)}.` });
    }
    return out;
  }
}
