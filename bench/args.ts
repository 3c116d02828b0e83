/** The bench's command line: `npm run bench -- [options]` and `npm run bench -- world [options]`. */
import { parseSize } from './generate/index.js';

export const MEASURES = ['plan', 'planner', 'apply', 'install', 'cold'] as const;
export type Measure = (typeof MEASURES)[number];

export interface BenchArgs {
  command: 'bench' | 'world' | 'help';
  sizes: number[];
  applySizes: number[];
  seed: number;
  planRuns: number;
  customers?: number;
  plannerRuns: number;
  coldRuns: number;
  only: Set<Measure>;
  build: boolean;
  out?: string;
  /** `world`: */
  variant: 'steady' | 'initial';
  dir?: string;
}

export const USAGE = `npm run bench -- [options]
  --sizes LIST         people per world (default 1k,10k; e.g. 1k,10k,100k)
  --apply-sizes LIST   initial-import sizes for the apply measure (default: the sizes up to 10k;
                       "none" to skip; above ~20k an import needs several 5-minute windows)
  --only LIST          measures to run: ${MEASURES.join(',')} (default all)
  --seed N             generator seed (default 1)
  --customers N        customer directories per world (default N/2,000, 3 to 60; at most 192)
  --plan-runs N        plan runs per size under 50k (default 3; one at 50k and above)
  --planner-runs N     buildPlan runs per size (default 5)
  --cold-runs N        validate runs for the cold start (default 7)
  --no-build           use lib/ as it is (default: npm run build first)
  --out FILE           results JSON (default bench/results/bench-<date>.json)
npm run bench -- world --size 1k [--seed N] [--variant steady|initial] --out DIR
  writes DIR/seed.json, DIR/halo-sync.yaml and DIR/facts.json for a generated world`;

function sizeList(text: string): number[] {
  if (text === 'none') return [];
  return text.split(',').filter((s) => s.trim() !== '').map(parseSize);
}

function count(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number of at least 1, not ${JSON.stringify(text)}`);
  return value;
}

export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = {
    command: 'bench', sizes: [1000, 10_000], applySizes: [], seed: 1, planRuns: 3, plannerRuns: 5, coldRuns: 7,
    only: new Set(MEASURES), build: true, variant: 'steady',
  };
  let applySizes: number[] | undefined;
  const rest = [...argv];
  if (rest[0] === 'world') {
    args.command = 'world';
    rest.shift();
  }
  while (rest.length > 0) {
    const flag = rest.shift() as string;
    const value = () => {
      const v = rest.shift();
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--sizes': args.sizes = sizeList(value()); break;
      case '--size': args.sizes = [parseSize(value())]; break;
      case '--apply-sizes': applySizes = sizeList(value()); break;
      case '--seed': args.seed = count('seed', value()); break;
      case '--customers': args.customers = count('customers', value()); break;
      case '--plan-runs': args.planRuns = count('plan-runs', value()); break;
      case '--planner-runs': args.plannerRuns = count('planner-runs', value()); break;
      case '--cold-runs': args.coldRuns = count('cold-runs', value()); break;
      case '--no-build': args.build = false; break;
      case '--out': args.out = value(); args.dir = args.out; break;
      case '--variant': {
        const v = value();
        if (v !== 'steady' && v !== 'initial') throw new Error('--variant is steady or initial');
        args.variant = v;
        break;
      }
      case '--only': {
        const names = value().split(',');
        const unknown = names.filter((n) => !(MEASURES as readonly string[]).includes(n));
        if (unknown.length > 0) throw new Error(`--only: unknown measure ${unknown.join(', ')} (known: ${MEASURES.join(', ')})`);
        args.only = new Set(names as Measure[]);
        break;
      }
      case '--help': case '-h': args.command = 'help'; break;
      default: throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  args.applySizes = applySizes ?? args.sizes.filter((s) => s <= 10_000);
  return args;
}
