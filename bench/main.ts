/**
 * The bench: builds halo-sync (lib/, what bin/halo-sync.js runs), then for each size generates a
 * synthetic MSP and measures `plan` (own process, sandbox in another), the pure planner, and the
 * initial-import `apply` under hosted Halo's rate limit; then the production install size and
 * `validate`'s cold start. Prints the tables and writes bench/results/bench-<date>.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs, USAGE, type BenchArgs } from './args.js';
import type { BenchContext } from './context.js';
import { generateWorld, sizeLabel } from './generate/index.js';
import { measureApply } from './measure-apply.js';
import { measureColdStart } from './measure-cold.js';
import { measureInstall } from './measure-install.js';
import { measurePlan } from './measure-plan.js';
import { measurePlanner } from './measure-planner.js';
import { renderReport, type BenchResults } from './report.js';
import { ms } from './table.js';
import { writeWorld } from './world.js';

const say = (text: string) => process.stderr.write(`bench: ${text}\n`);

function writeConfig(ctx: BenchContext, size: number, variant: 'steady' | 'initial'): { world: ReturnType<typeof generateWorld>; file: string } {
  const world = generateWorld(size, ctx.seed, variant, ctx.customers === undefined ? {} : { customers: ctx.customers });
  const file = join(ctx.workDir, `halo-sync-${variant}-${size}.yaml`);
  writeFileSync(file, world.configYaml);
  return { world, file };
}

async function measureAll(args: BenchArgs, ctx: BenchContext, results: BenchResults): Promise<void> {
  for (const size of args.sizes) {
    if (args.only.has('plan')) {
      const { world, file } = writeConfig(ctx, size, 'steady');
      say(`plan at ${sizeLabel(size)}…`);
      const plan = await measurePlan(ctx, world, file);
      results.plan.push(plan);
      say(`plan at ${sizeLabel(size)}: ${ms(plan.medianWallMs)}, ${Math.round(plan.maxRssMb)} MB, ${plan.requests} requests (minimum ${plan.minimum.total})`);
    }
    if (args.only.has('planner')) {
      say(`pure planner at ${sizeLabel(size)}…`);
      const planner = await measurePlanner(ctx, size);
      results.planner.push(planner);
      say(`pure planner at ${sizeLabel(size)}: ${ms(planner.medianMs)}`);
    }
  }
  if (args.only.has('apply')) {
    for (const size of args.applySizes) {
      const { world, file } = writeConfig(ctx, size, 'initial');
      say(`apply (initial import) at ${sizeLabel(size)} under the 300/5-min limiter…`);
      const apply = await measureApply(ctx, world, file);
      results.apply.push(apply);
      say(`apply at ${sizeLabel(size)}: ${apply.totalRequests} requests, ${apply.status429} × 429, ${ms(apply.wallMs)}`);
    }
  }
  if (args.only.has('install')) results.install = measureInstall(ctx.root);
  if (args.only.has('cold')) results.coldStart = await measureColdStart(ctx);
}

export async function runBench(argv: string[], where: { root: string; bundleDir: string }): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    say((error as Error).message);
    return 1;
  }
  if (args.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.command === 'world') {
    if (!args.dir) return say('world needs --out DIR'), 1;
    for (const file of writeWorld(args.sizes[0] ?? 1000, args.seed, args.variant, args.dir, args.customers)) say(`wrote ${file}`);
    return 0;
  }
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: { node: process.version, platform: `${platform()} ${arch()}`, cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? '?', memoryGb: Math.round(totalmem() / 2 ** 30), loadBefore: loadavg() },
    command: `npm run bench -- ${argv.join(' ')}`.trim(),
    seed: args.seed,
    plan: [],
    planner: [],
    apply: [],
  };
  if (args.build) {
    say('npm run build…');
    const started = performance.now();
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: where.root, stdio: ['ignore', 'ignore', 'inherit'] });
    results.buildMs = performance.now() - started;
  }
  const ctx: BenchContext = {
    root: where.root,
    bin: join(where.root, 'bin', 'halo-sync.js'),
    workDir: mkdtempSync(join(tmpdir(), 'halo-sync-bench-')),
    scripts: { sandbox: join(where.bundleDir, 'sandbox-child.mjs'), planner: join(where.bundleDir, 'planner-child.mjs'), rssPreload: join(where.root, 'bench', 'rss-preload.mjs') },
    seed: args.seed,
    planRuns: args.planRuns,
    plannerRuns: args.plannerRuns,
    coldRuns: args.coldRuns,
    ...(args.customers === undefined ? {} : { customers: args.customers }),
  };
  try {
    await measureAll(args, ctx, results);
  } finally {
    rmSync(ctx.workDir, { recursive: true, force: true });
  }
  results.machine.loadAfter = loadavg();
  const report = renderReport(results);
  process.stdout.write(report);
  const out = resolve(where.root, args.out ?? join('bench', 'results', `bench-${results.date.slice(0, 19).replace(/:/g, '-')}.json`));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ ...results, report }, null, 2)}\n`);
  say(`results: ${out}`);
  return 0;
}
