/**
 * Consolidating and ranking a national-scale period (issue 12): a synthetic period of 5,000
 * units × 150 leaves (two unit groups, a third of the leaves surveys, capped criteria,
 * deductions, linked leaves, last year's results with renames and merges, a tie-break), run
 * through `@par/scoring`'s `consolidate`; against reading the same inputs from the local stack's
 * FerretDB (one document per unit with its leaves) in the same run. Prints the time of each,
 * the ratio, and the peak memory of a process that holds the inputs and consolidates them
 * (measured in a child process, so the parent's database driver and copies do not count).
 * Checks that the table is the same from generated and from read inputs, and run after run.
 *
 *   source deploy/local/lib/env.sh && bash deploy/local/stack.sh start ferretdb
 *   npm run build:ts && node bench/consolidation.ts [--units 5000] [--leaves 150] [--rounds 3]
 *
 * Targets: consolidate and rank in under 3 s and 500 MB, at most twice the read.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { consolidate, type ConsolidationInput, type ConsolidationUnit } from '@par/scoring';
import type { ConsolidationLeaf, TotalsNode } from '@par/scoring';
import mongoose from 'mongoose';

const { values: args } = parseArgs({
  options: {
    units: { type: 'string', default: '5000' },
    leaves: { type: 'string', default: '150' },
    rounds: { type: 'string', default: '3' },
    child: { type: 'boolean', default: false },
  },
});
const unitCount = Number(args.units);
const leafCount = Number(args.leaves);
const rounds = Number(args.rounds);
const areaCount = 10;
const criteriaPerArea = 3;
const leavesPerCriterion = Math.ceil(leafCount / (areaCount * criteriaPerArea));

/** A small deterministic generator (mulberry32), so every run and the child see the same period. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type LeafKind = 'manual' | 'survey' | 'linked' | 'deduction';

/** 10 areas × 3 criteria × 5 leaves; a third survey, one linked and one deduction per area; criterion 1 of each area capped. */
function criteriaNodes(): { nodes: TotalsNode[]; kinds: Map<string, LeafKind> } {
  const rand = random(7);
  const nodes: TotalsNode[] = [];
  const kinds = new Map<string, LeafKind>();
  let made = 0;
  for (let a = 1; a <= areaCount; a++) {
    const area: TotalsNode = { code: `${a}`, parentCode: null, maxScore: 0, rule: null };
    nodes.push(area);
    for (let c = 1; c <= criteriaPerArea; c++) {
      const criterion: TotalsNode = {
        code: `${a}.${c}`,
        parentCode: `${a}`,
        maxScore: 0,
        rule: null,
      };
      nodes.push(criterion);
      let sum = 0;
      for (let l = 1; l <= leavesPerCriterion && made < leafCount; l++, made++) {
        const code = `${a}.${c}.${l}`;
        const max = 100 + 25 * Math.floor(rand() * 9);
        const kind: LeafKind =
          l === 2 || (l === 4 && c !== 3)
            ? 'survey'
            : c === 2 && l === 5
              ? 'linked'
              : c === 3 && l === 5
                ? 'deduction'
                : 'manual';
        kinds.set(code, kind);
        const rule: TotalsNode['rule'] =
          kind === 'manual'
            ? { type: 'manual', min: 0, max, step: 25 }
            : kind === 'survey'
              ? { type: 'survey' }
              : kind === 'linked'
                ? { type: 'linked', indexCode: 'DTI', criterionCode: code }
                : { type: 'deduction', step: 50, maxDeduction: 200 };
        nodes.push({
          code,
          parentCode: criterion.code,
          maxScore: kind === 'deduction' ? 0 : max,
          rule,
        });
        if (kind !== 'deduction') sum += max;
      }
      criterion.maxScore = c === 1 ? sum - 100 : sum;
      area.maxScore += criterion.maxScore;
    }
  }
  return { nodes, kinds };
}

const groupOf = (u: number) => (u < 800 ? 'so-nganh' : 'xa-phuong');
const unitCode = (u: number) => `U${String(u).padStart(5, '0')}`;

/** The whole period's inputs, the same on every call. */
function period(): ConsolidationInput {
  const { nodes, kinds } = criteriaNodes();
  const rand = random(42);
  const units: ConsolidationUnit[] = [];
  for (let u = 0; u < unitCount; u++) {
    const code = unitCode(u);
    const leaves: ConsolidationLeaf[] = [];
    for (const node of nodes) {
      const kind = kinds.get(node.code);
      if (!kind) continue;
      const steps = (max: number) => 25 * Math.floor(rand() * (max / 25 + 1));
      if (kind === 'survey') {
        leaves.push({
          code: node.code,
          score: steps(node.maxScore),
          from: { source: 'survey', importId: `survey-${groupOf(u)}` },
        });
      } else if (kind === 'linked') {
        const sourceScore = Math.floor(rand() * 1001);
        leaves.push({
          code: node.code,
          from: {
            source: 'linked',
            indexCode: 'DTI',
            criterionCode: node.code,
            sourceScore,
            sourceMax: 1000,
            ref: 'DTI/2026/v1',
          },
        });
      } else {
        const score = kind === 'deduction' ? -50 * Math.floor(rand() * 5) : steps(node.maxScore);
        leaves.push({
          code: node.code,
          score: score === 0 ? 0 : score,
          from: {
            source: 'appraisal',
            entryId: `${code}:${node.code}`,
            entryVersion: 1 + Math.floor(rand() * 5),
          },
        });
      }
    }
    units.push({ unitCode: code, unitName: `Đơn vị ${code}`, unitGroup: groupOf(u), leaves });
  }
  // Last year: the same units, every 50th renamed from an old code, every 100th merged from two.
  const lineage: Record<string, string[]> = {};
  const previousUnits: Array<{ unitCode: string; total: number; max: number }> = [];
  for (let u = 0; u < unitCount; u++) {
    const code = unitCode(u);
    const old =
      u % 100 === 0 ? [`${code}-A`, `${code}-B`] : u % 50 === 0 ? [`${code}-OLD`] : [code];
    if (old[0] !== code) lineage[code] = old;
    for (const o of old)
      previousUnits.push({ unitCode: o, total: 5000 + Math.floor(rand() * 5000), max: 10_000 });
  }
  return {
    indexCode: 'PAR',
    periodId: 'bench-2026',
    criteriaSets: ['so-nganh', 'xa-phuong'].map((unitGroup, i) => ({
      unitGroup,
      id: `set-${unitGroup}`,
      version: 3 + i,
      nodes,
    })),
    units,
    bands: [
      { label: 'A', minIndex: 9000 },
      { label: 'B', minIndex: 8000 },
      { label: 'C', minIndex: 7000 },
      { label: 'D', minIndex: 0 },
    ],
    tieBreak: { areaCodes: ['1', '2'] },
    previous: { periodId: 'bench-2025', units: previousUnits },
    lineage,
  };
}

const digest = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const ms = (t: number) => t.toFixed(0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** In the child: the inputs, then one consolidation; what memory it took. */
function child(): void {
  const input = period();
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const started = performance.now();
  const table = consolidate(input);
  const took = performance.now() - started;
  const peakAfter = process.resourceUsage().maxRSS * 1024;
  const after = process.memoryUsage();
  process.stdout.write(
    JSON.stringify({
      took,
      rssBefore: before.rss,
      heapBefore: before.heapUsed,
      heapAfter: after.heapUsed,
      peakBefore,
      peakAfter,
      rows: table.groups.reduce((n, g) => n + g.rows.length, 0),
    }),
  );
}

async function main(): Promise<void> {
  const url = process.env.PAR_MONGO_URL;
  if (!url)
    throw new Error('Source deploy/local/lib/env.sh first (PAR_MONGO_URL), and start ferretdb');
  console.log(
    `consolidation bench: ${unitCount} units × ${leafCount} leaves, ${rounds} rounds, database ${url}`,
  );

  let t = performance.now();
  const input = period();
  console.log(`generated in ${ms(performance.now() - t)} ms`);

  const db = mongoose.createConnection(url, { dbName: `bench-consolidation-${process.pid}` });
  await db.asPromise();
  const inputs = db.collection<ConsolidationUnit & { _id: string }>('units');
  try {
    t = performance.now();
    for (let i = 0; i < input.units.length; i += 100) {
      await inputs.insertMany(
        input.units.slice(i, i + 100).map((u) => ({ _id: u.unitCode, ...u })),
      );
    }
    console.log(
      `written to FerretDB in ${ms(performance.now() - t)} ms (${input.units.length} documents)`,
    );

    const reads: number[] = [];
    const consolidations: number[] = [];
    const digests = new Set<string>();
    for (let round = 1; round <= rounds; round++) {
      t = performance.now();
      const read = await inputs.find({}, { projection: { _id: 0 } }).toArray();
      reads.push(performance.now() - t);
      if (read.length !== unitCount)
        throw new Error(`read ${read.length} units, wrote ${unitCount}`);

      t = performance.now();
      const table = consolidate({ ...input, units: read });
      consolidations.push(performance.now() - t);
      digests.add(digest(table));
      console.log(
        `round ${round}: read ${ms(reads.at(-1)!)} ms, consolidate and rank ${ms(consolidations.at(-1)!)} ms, ratio ${(consolidations.at(-1)! / reads.at(-1)!).toFixed(2)}`,
      );
    }
    digests.add(digest(consolidate(input)));
    console.log(
      digests.size === 1
        ? `same table every round and from generated inputs (${[...digests][0]})`
        : `TABLES DIFFER: ${[...digests].join(', ')}`,
    );

    const run = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        fileURLToPath(import.meta.url),
        '--child',
        `--units=${unitCount}`,
        `--leaves=${leafCount}`,
      ],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    if (run.status !== 0) throw new Error(`child failed: ${run.stderr}`);
    const m = JSON.parse(run.stdout) as {
      took: number;
      rssBefore: number;
      heapBefore: number;
      heapAfter: number;
      peakBefore: number;
      peakAfter: number;
      rows: number;
    };

    const read = median(reads);
    const consolidated = median(consolidations);
    console.log('');
    console.log(
      `| read inputs (median) | consolidate and rank (median) | ratio | child: consolidate | process peak RSS | peak RSS before consolidating | heap before → after |`,
    );
    console.log(
      `| ${ms(read)} ms | ${ms(consolidated)} ms | ${(consolidated / read).toFixed(2)} | ${ms(m.took)} ms | ${mb(m.peakAfter)} MB | ${mb(m.peakBefore)} MB (RSS ${mb(m.rssBefore)} MB) | ${mb(m.heapBefore)} → ${mb(m.heapAfter)} MB |`,
    );
    console.log(
      `targets: < 3000 ms (${consolidated < 3000 ? 'met' : 'NOT met'}), < 500 MB peak (${m.peakAfter < 500 * 1024 * 1024 ? 'met' : 'NOT met'}), ≤ 2 × read (${consolidated <= 2 * read ? 'met' : 'NOT met'})`,
    );
  } finally {
    await db.dropDatabase();
    await db.close();
  }
}

if (args.child) child();
else await main();
