/** The progress lines apply shows on a terminal name each phase as the report does. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressReporter } from '../../src/app/progress.js';
import { runApply } from '../../src/app/run-apply.js';
import { PHASE_NAMES } from '../../src/render/apply-report.js';
import { startWorld, type World } from '../e2e/world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world.close());

describe('apply progress lines', () => {
  it('say "Applying <phase name>: N writes" with the report\'s phase names', async () => {
    const notes: string[] = [];
    const progress: ProgressReporter = { google() {}, halo() {}, note: (text) => notes.push(text), done() {} };
    const run = await runApply({ configFile: 'halo-sync.yaml', cwd: world.dir, env: world.env, progress, yes: true, lockFile: false });
    expect(run.outcome.kind).toBe('applied');
    const phases = notes.filter((n) => n.startsWith('Applying '));
    expect(phases.some((n) => n.startsWith('Applying role additions: '))).toBe(true);
    expect(phases.some((n) => n.startsWith('Applying CAB additions: '))).toBe(true);
    for (const line of phases) expect(Object.values(PHASE_NAMES)).toContain(line.replace(/^Applying (.*): \d+ writes?$/, '$1'));
  });
});
