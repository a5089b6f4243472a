/**
 * Which document layout and write path lets the local `par-ferretdb` (FerretDB v1 on SQLite,
 * behind its write lock) take the self-assessment afternoon (issue 10, Performance): N units × 2
 * officers, each saving one entry (score in hundredths, an explanation, a version) every 5 s, as
 * a version-conditioned update (`{ _id, version }` filter, `$set` + `$inc: { version: 1 }`), at
 * the collection sizes of the afternoon (N units × 100 leaves, explanations filled).
 *
 * Candidates, measured in one run on one par-ferretdb (its own, on a throw-away directory):
 *   a  one document per entry in one `entries` collection (N × 100 documents)
 *   b  one document per unit × period, its entries embedded by criterion code, each with its own
 *      version; the update filters `{ _id, 'entries.<code>.version': n }` (N documents)
 *   c  b, with the saves waiting for the same unit document merged into one update that still
 *      checks each entry's version (on a mismatch, each save is retried alone)
 *   d  one collection per unit × period, one document per entry (N collections of 100)
 *   e  d, split by area of the index: a collection per unit × period × area (10N collections
 *      of 10), so that each update scans 10 documents instead of 100
 * and the baseline: the same conditional update on a 100-document collection, offered at the
 * same rate. The load is open: saves are scheduled at the officers' pace whatever the database
 * does, latency counts from the scheduled time, at most `--pool` saves are in flight; what is
 * not done 10 s after the offering stops is counted as unfinished. Also checks, for b, that 8
 * connections racing on one entry's version have exactly one winner, and that 8 connections
 * writing different entries of one unit document all land (also through c's merged update).
 *
 *   source deploy/local/lib/env.sh
 *   node bench/entry-layout.ts [--units 250] [--seconds 30] [--only a,b,c,d] [--rounds 2]
 *                              [--explanation 1000] [--pool 32]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import mongoose, { type Connection } from 'mongoose';
import { startParFerretdb } from './par-ferretdb.ts';

const { values: args } = parseArgs({
  options: {
    units: { type: 'string', default: '250' },
    seconds: { type: 'string', default: '30' },
    only: { type: 'string', default: 'a,b,c,d,e' },
    rounds: { type: 'string', default: '2' },
    explanation: { type: 'string', default: '1000' },
    pool: { type: 'string', default: '32' },
  },
});
const UNITS = Number(args.units);
const SECONDS = Number(args.seconds);
const ROUNDS = Number(args.rounds);
const POOL = Number(args.pool);
const LEAVES = 100;
const OFFICERS = 2; // per unit; officer k edits the leaves i with i % OFFICERS === k
const SAVE_EVERY_MS = 5000;
const DRAIN_MS = 10_000;
const only = new Set(args.only.split(','));

// An explanation as officers write them: Vietnamese, with diacritics (2–3 UTF-8 bytes a letter).
const TEXT = 'Đơn vị đã ban hành kế hoạch cải cách hành chính và báo cáo kết quả thực hiện. ';
const explanation = (n: number, salt: string) =>
  (salt + ' ' + TEXT.repeat(Math.ceil(n / TEXT.length))).slice(0, n);
const EXPLANATION = Number(args.explanation);
const code = (leaf: number) => `c${String(leaf).padStart(3, '0')}`;
const AREA_LEAVES = 10; // e: the leaves of one area of the index, as a collection
const area = (leaf: number) => Math.floor(leaf / AREA_LEAVES);
const unitId = (u: number) => `u${String(u).padStart(4, '0')}`;

interface Entry {
  score: number;
  explanation: string;
  version: number;
}
interface EntryDoc extends Entry {
  _id: string;
  unitId: string;
  code: string;
}
interface UnitDoc {
  _id: string;
  periodId: string;
  entries: Record<string, Entry>;
}

const { publicPort, directPort, stop } = await startParFerretdb('entry-layout');
const open = (port: number, maxPoolSize: number) =>
  mongoose
    .createConnection(`mongodb://127.0.0.1:${port}`, { dbName: 'bench', maxPoolSize })
    .asPromise();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** A save: one officer's entry, the version its page holds, the new values. */
interface Save {
  unit: number;
  leaf: number;
  version: number;
  score: number;
  explanation: string;
}
/** Writes one save; resolves false when the version did not match (a conflict). */
type Writer = (save: Save) => Promise<boolean>;

interface Result {
  offered: number;
  achieved: number;
  p50: number;
  p95: number;
  p99: number;
  done: number;
  conflicts: number;
  errors: number;
  unfinished: number;
}

/**
 * Offers the afternoon's saves for SECONDS: each of units × OFFICERS officers saves every 5 s,
 * starting at a random phase, an entry of its own (so a conflict is a fault, never expected).
 */
async function afternoon(
  units: number,
  write: Writer,
  versions: Map<string, number>, // what each page holds, per entry; kept across runs
): Promise<Result> {
  const latencies: number[] = [];
  let conflicts = 0;
  let errors = 0;
  let offered = 0;
  let lastDone = 0;
  const pending = new Set<Promise<void>>();
  const started = performance.now();
  const end = started + SECONDS * 1000;
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  for (let u = 0; u < units; u++) {
    for (let k = 0; k < OFFICERS; k++) {
      let turn = 0;
      const phase = Math.random() * SAVE_EVERY_MS;
      const tick = () => {
        if (stopped) return;
        const scheduled = started + phase + turn * SAVE_EVERY_MS;
        if (scheduled >= end) return;
        // The officer's next leaf: its own half of the unit's leaves, in turn.
        const leaf = k + OFFICERS * (turn % (LEAVES / OFFICERS));
        turn++;
        const key = `${u}/${leaf}`;
        const version = versions.get(key) ?? 0;
        offered++;
        const p = write({
          unit: u,
          leaf,
          version,
          score: (turn * 25) % 10001,
          explanation: explanation(EXPLANATION, `${unitId(u)} ${code(leaf)} ${turn}`),
        }).then(
          (ok) => {
            if (stopped) return;
            lastDone = performance.now();
            latencies.push(lastDone - scheduled);
            if (ok) versions.set(key, version + 1);
            else conflicts++;
          },
          () => {
            if (!stopped) errors++;
          },
        );
        pending.add(p);
        void p.finally(() => pending.delete(p));
        const next = started + phase + turn * SAVE_EVERY_MS - performance.now();
        timers.push(setTimeout(tick, Math.max(0, next)));
      };
      timers.push(setTimeout(tick, phase));
    }
  }
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  const drained = Promise.all([...pending]);
  await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, DRAIN_MS))]);
  stopped = true;
  timers.forEach(clearTimeout);
  const unfinished = pending.size;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.floor((latencies.length - 1) * p)] ?? NaN;
  const elapsed = (Math.max(lastDone, end) - started) / 1000;
  return {
    offered: offered / SECONDS,
    achieved: (latencies.length - conflicts) / elapsed,
    p50: pct(0.5),
    p95: pct(0.95),
    p99: pct(0.99),
    done: latencies.length,
    conflicts,
    errors,
    unfinished,
  };
}

/**
 * The ceiling: POOL writers back to back for SECONDS / 3, each on units of its own (so no
 * conflicts), cycling through their leaves. Returns saves per second.
 */
async function capacity(units: number, write: Writer, versions: Map<string, number>) {
  let saves = 0;
  let failed = 0;
  const end = performance.now() + (SECONDS * 1000) / 3;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(POOL, units) }, async (_, w) => {
      for (let turn = 0; performance.now() < end; turn++) {
        const unit = w + POOL * (turn % Math.ceil((units - w) / POOL));
        const leaf = Math.floor(turn / Math.ceil(units / POOL)) % LEAVES;
        const key = `${unit}/${leaf}`;
        const version = versions.get(key) ?? 0;
        const ok = await write({
          unit,
          leaf,
          version,
          score: turn % 10001,
          explanation: explanation(EXPLANATION, key),
        });
        if (ok) versions.set(key, version + 1);
        else failed++;
        saves++;
      }
    }),
  );
  return { perSecond: (saves - failed) / ((performance.now() - started) / 1000), failed };
}

function print(label: string, r: Result) {
  const ms = (v: number) => (Number.isNaN(v) ? '-' : v.toFixed(0)).padStart(6);
  console.log(
    `${label.padEnd(34)} offered ${r.offered.toFixed(0).padStart(5)}/s  achieved ${r.achieved
      .toFixed(0)
      .padStart(5)}/s  p50 ${ms(r.p50)} ms  p95 ${ms(r.p95)} ms  p99 ${ms(r.p99)} ms  ` +
      `done ${r.done}  conflicts ${r.conflicts}  errors ${r.errors}  unfinished ${r.unfinished}  ` +
      `(load ${load()})`,
  );
}

/** Waits until every write sent so far has passed the write lock: one write behind them. */
async function settle(db: Connection) {
  await db.collection('settle').insertOne({ at: Date.now() });
}

const entryFields = (s: Save) => ({ score: s.score, explanation: s.explanation });

/** The writers of each candidate over a connection of `--pool` sockets to the locked port. */
function writers(db: Connection) {
  const entries = db.collection<EntryDoc>('entries');
  const unitDocs = db.collection<UnitDoc>('units');
  const baseline = db.collection<EntryDoc>('baseline');
  const perUnit = (u: number) => db.collection<EntryDoc>(`entries_${unitId(u)}`);
  const perArea = (u: number, leaf: number) =>
    db.collection<EntryDoc>(`entries_${unitId(u)}_${area(leaf)}`);

  const byEntry =
    (
      collection: (s: Save) => ReturnType<typeof db.collection<EntryDoc>>,
      id: (s: Save) => string,
    ) =>
    async (s: Save) => {
      const res = await collection(s).updateOne(
        { _id: id(s), version: s.version },
        { $set: entryFields(s), $inc: { version: 1 } },
      );
      return res.modifiedCount === 1;
    };

  const embedded = async (s: Save) => {
    const at = `entries.${code(s.leaf)}`;
    const res = await unitDocs.updateOne(
      { _id: unitId(s.unit), [`${at}.version`]: s.version },
      {
        $set: { [`${at}.score`]: s.score, [`${at}.explanation`]: s.explanation },
        $inc: { [`${at}.version`]: 1 },
      },
    );
    return res.modifiedCount === 1;
  };

  // c: saves for a unit document that arrive while one of its updates is in flight wait, then go
  // together in one update whose filter checks every entry's version. If it does not match (one
  // of them is stale), each save is retried alone, so only the stale one fails.
  const queues = new Map<number, { save: Save; done: (ok: boolean | Error) => void }[]>();
  const busy = new Set<number>();
  let merged = 0;
  let batches = 0;
  async function flush(unit: number) {
    busy.add(unit);
    try {
      for (let batch = queues.get(unit); batch?.length; batch = queues.get(unit)) {
        queues.delete(unit);
        // Two saves of one entry in a batch cannot both hold its version: the later one goes next.
        const seen = new Set<number>();
        const now = batch.filter(({ save }) => !seen.has(save.leaf) && seen.add(save.leaf));
        const later = batch.filter((item) => !now.includes(item));
        if (later.length) queues.set(unit, later);
        batches++;
        merged += now.length;
        try {
          if (now.length === 1) {
            now[0]!.done(await embedded(now[0]!.save));
            continue;
          }
          const filter: Record<string, unknown> = { _id: unitId(unit) };
          const $set: Record<string, unknown> = {};
          const $inc: Record<string, number> = {};
          for (const { save } of now) {
            const at = `entries.${code(save.leaf)}`;
            filter[`${at}.version`] = save.version;
            $set[`${at}.score`] = save.score;
            $set[`${at}.explanation`] = save.explanation;
            $inc[`${at}.version`] = 1;
          }
          const res = await unitDocs.updateOne(filter, { $set, $inc });
          if (res.modifiedCount === 1) now.forEach(({ done }) => done(true));
          else for (const { save, done } of now) done(await embedded(save));
        } catch (error) {
          now.forEach(({ done }) => done(error as Error));
        }
      }
    } finally {
      busy.delete(unit);
    }
  }
  const coalesced = (save: Save) =>
    new Promise<boolean>((resolve, reject) => {
      const queue = queues.get(save.unit) ?? [];
      queue.push({ save, done: (ok) => (ok instanceof Error ? reject(ok) : resolve(ok)) });
      queues.set(save.unit, queue);
      if (!busy.has(save.unit)) void flush(save.unit);
    });

  return {
    // Every officer writes one of the same 100 documents, so the baseline ignores versions.
    baseline: async (s: Save) => {
      const res = await baseline.updateOne(
        { _id: `${unitId(0)}:${code(s.leaf)}` },
        { $set: entryFields(s), $inc: { version: 1 } },
      );
      return res.modifiedCount === 1;
    },
    a: byEntry(
      () => entries,
      (s) => `${unitId(s.unit)}:${code(s.leaf)}`,
    ),
    b: embedded,
    c: coalesced,
    d: byEntry(
      (s) => perUnit(s.unit),
      (s) => code(s.leaf),
    ),
    e: byEntry(
      (s) => perArea(s.unit, s.leaf),
      (s) => code(s.leaf),
    ),
    coalescing: () => ({ batches, merged }),
  };
}

/** Loads the collections each candidate needs at the afternoon's size, through `-direct`. */
async function loadData(db: Connection, units: number) {
  const entry = (u: number, leaf: number): Entry => ({
    score: 5000,
    explanation: explanation(EXPLANATION, `${unitId(u)} ${code(leaf)}`),
    version: 0,
  });
  const t = performance.now();
  // Baseline: 100 documents, the entries of one unit, whatever the candidates' size.
  await db.collection<EntryDoc>('baseline').insertMany(
    Array.from({ length: LEAVES }, (_, leaf) => ({
      _id: `${unitId(0)}:${code(leaf)}`,
      unitId: unitId(0),
      code: code(leaf),
      ...entry(0, leaf),
    })),
  );
  for (let u = 0; u < units; u++) {
    const docs = Array.from({ length: LEAVES }, (_, leaf) => ({
      unitId: unitId(u),
      code: code(leaf),
      ...entry(u, leaf),
    }));
    if (only.has('a'))
      await db
        .collection<EntryDoc>('entries')
        .insertMany(docs.map((d) => ({ _id: `${d.unitId}:${d.code}`, ...d })));
    if (only.has('b') || only.has('c'))
      await db.collection<UnitDoc>('units').insertOne({
        _id: unitId(u),
        periodId: '2026',
        entries: Object.fromEntries(docs.map((d) => [d.code, entry(u, Number(d.code.slice(1)))])),
      });
    if (only.has('d'))
      await db
        .collection<EntryDoc>(`entries_${unitId(u)}`)
        .insertMany(docs.map((d) => ({ _id: d.code, ...d })));
    if (only.has('e'))
      for (let a = 0; a < LEAVES / AREA_LEAVES; a++)
        await db
          .collection<EntryDoc>(`entries_${unitId(u)}_${a}`)
          .insertMany(
            docs.slice(a * AREA_LEAVES, (a + 1) * AREA_LEAVES).map((d) => ({ _id: d.code, ...d })),
          );
  }
  console.log(
    `loaded ${units} units × ${LEAVES} leaves (explanations of ${EXPLANATION} characters) for ` +
      `${[...only].join(', ')} in ${((performance.now() - t) / 1000).toFixed(0)} s`,
  );
}

/**
 * b's promises, on separate one-socket connections (as between service nodes): 8 racing on one
 * entry's version have exactly one winner; 8 writing different entries of one unit document all
 * land, by b's update and by c's merged one.
 */
async function checkEmbedded(): Promise<void> {
  const racers = await Promise.all(
    Array.from({ length: 8 }, () =>
      mongoose
        .createConnection(`mongodb://127.0.0.1:${publicPort}`, {
          dbName: 'bench',
          maxPoolSize: 1,
          minPoolSize: 1,
        })
        .asPromise(),
    ),
  );
  try {
    const docs = racers.map((c) => c.collection<UnitDoc>('races'));
    const rounds = 20;
    const winners: number[] = [];
    const lost: number[] = [];
    const lostMerged: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const _id = `race-${round}`;
      await docs[0]!.insertOne({
        _id,
        periodId: '2026',
        entries: Object.fromEntries(
          Array.from({ length: 17 }, (_, i) => [
            code(i),
            { score: 0, explanation: '', version: 0 },
          ]),
        ),
      });
      // Exclusivity: the same entry, the same version, 8 writers.
      const won = await Promise.all(
        docs.map(async (c, i) => {
          const res = await c.updateOne(
            { _id, 'entries.c000.version': 0 },
            { $set: { 'entries.c000.score': i + 1 }, $inc: { 'entries.c000.version': 1 } },
          );
          return res.modifiedCount === 1;
        }),
      );
      winners.push(won.filter(Boolean).length);
      // No lost updates: 8 writers, entries c001…c008, one each; then c009…c016 by pairs merged.
      await Promise.all(
        docs.map((c, i) =>
          c.updateOne(
            { _id, [`entries.${code(i + 1)}.version`]: 0 },
            {
              $set: { [`entries.${code(i + 1)}.score`]: 100 * (i + 1) },
              $inc: { [`entries.${code(i + 1)}.version`]: 1 },
            },
          ),
        ),
      );
      await Promise.all(
        docs.slice(0, 4).map((c, i) => {
          const [x, y] = [code(9 + 2 * i), code(10 + 2 * i)];
          return c.updateOne(
            { _id, [`entries.${x}.version`]: 0, [`entries.${y}.version`]: 0 },
            {
              $set: { [`entries.${x}.score`]: 7, [`entries.${y}.score`]: 7 },
              $inc: { [`entries.${x}.version`]: 1, [`entries.${y}.version`]: 1 },
            },
          );
        }),
      );
      const doc = (await docs[0]!.findOne({ _id }))!;
      lost.push(
        Array.from({ length: 8 }, (_, i) => doc.entries[code(i + 1)]!).filter(
          (e, i) => e.score !== 100 * (i + 1) || e.version !== 1,
        ).length,
      );
      lostMerged.push(
        Array.from({ length: 8 }, (_, i) => doc.entries[code(9 + i)]!).filter(
          (e) => e.score !== 7 || e.version !== 1,
        ).length,
      );
    }
    console.log(
      `b exclusivity: 8 writers on one entry's version, ${rounds} rounds: winners per round ` +
        `${winners.join(',')}`,
    );
    console.log(
      `b different entries of one document: lost writes per round (8 single) ${lost.join(',')}; ` +
        `(4 merged pairs) ${lostMerged.join(',')}`,
    );
  } finally {
    await Promise.all(racers.map((c) => c.close()));
  }
}

const connections: Connection[] = [];
try {
  console.log(
    `par-ferretdb, ${UNITS} units × ${OFFICERS} officers, a save each every ${SAVE_EVERY_MS / 1000} s ` +
      `(${((UNITS * OFFICERS * 1000) / SAVE_EVERY_MS).toFixed(0)}/s offered), ${SECONDS} s per run, ` +
      `at most ${POOL} in flight; load average ${load()}`,
  );
  const direct = await open(directPort, 8);
  connections.push(direct);
  await loadData(direct, UNITS);
  await direct.close();

  if (only.has('b')) await checkEmbedded();

  const candidates: [string, string, number][] = [
    ['baseline', 'baseline: by _id, 100 documents', UNITS],
    ['a', `a  entries (${UNITS * LEAVES} documents)`, UNITS],
    ['b', `b  units, embedded (${UNITS} documents)`, UNITS],
    ['c', `c  b + merged saves per unit`, UNITS],
    ['d', `d  a collection per unit (${UNITS} × ${LEAVES})`, UNITS],
    ['e', `e  a collection per unit × area (× ${AREA_LEAVES})`, UNITS],
  ];
  const results = new Map<string, number[]>();
  const versions = new Map<string, Map<string, number>>();
  const ceilings = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    // Every other round backwards, so neither end of the run is favoured by the machine's noise.
    const order = round % 2 === 0 ? candidates : [...candidates].reverse();
    for (const [key, label, units] of order) {
      if (key !== 'baseline' && !only.has(key)) continue;
      const db = await open(publicPort, POOL);
      const w = writers(db);
      // b and c write the same documents, so they share what the pages hold.
      const store = key === 'c' ? 'b' : key;
      if (!versions.has(store)) versions.set(store, new Map());
      const r = await afternoon(units, w[key as 'a'], versions.get(store)!);
      await db.close(true); // drops the saves still queued in the driver
      const settler = await open(publicPort, 1);
      await settle(settler);
      await settler.close();
      print(`${label}, run ${round + 1}`, r);
      if (key === 'baseline' || key === 'd' || key === 'e') {
        const db2 = await open(publicPort, POOL);
        const c = await capacity(units, writers(db2)[key], versions.get(store)!);
        await db2.close();
        console.log(
          `   ${key} ceiling, ${POOL} back to back: ${c.perSecond.toFixed(0)} saves/s, ` +
            `${c.failed} conflicts (load ${load()})`,
        );
        ceilings.set(key, [...(ceilings.get(key) ?? []), c.perSecond]);
      }
      if (key === 'c') {
        const { batches, merged } = w.coalescing();
        console.log(`   c merged ${merged} saves into ${batches} updates`);
      }
      results.set(key, [...(results.get(key) ?? []), r.achieved]);
    }
  }
  const base = results.get('baseline')!;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  for (const [key, achieved] of results) {
    if (key === 'baseline') continue;
    console.log(
      `${key}: achieved / baseline achieved = ${(mean(achieved) / mean(base)).toFixed(2)} ` +
        `(runs: ${achieved.map((a, i) => (a / base[i]!).toFixed(2)).join(', ')})`,
    );
  }
  const offeredRate = (UNITS * OFFICERS * 1000) / SAVE_EVERY_MS;
  for (const key of ['d', 'e'])
    if (ceilings.has(key))
      console.log(
        `${key} ceiling / baseline ceiling = ` +
          `${(mean(ceilings.get(key)!) / mean(ceilings.get('baseline')!)).toFixed(2)}; ` +
          `${key} ceiling / offered = ${(mean(ceilings.get(key)!) / offeredRate).toFixed(2)}`,
      );
} finally {
  await Promise.all(connections.map((c) => c.close()));
  await stop();
}
