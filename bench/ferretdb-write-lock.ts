/**
 * What par-ferretdb's write lock costs: the same workloads sent through its public port (the
 * proxy that lets one write at a time reach FerretDB) and straight to FerretDB's unlocked
 * listener of the same process (`-direct`, the baseline), in the same run. Runs its own
 * par-ferretdb (the one `install.sh ferretdb` built) on a throw-away data directory, so it needs
 * no stack and leaves no data. Prints throughput, latency percentiles and the ratios. Bounded:
 * a fixed number of operations per workload.
 *
 *   source deploy/local/lib/env.sh && node bench/ferretdb-write-lock.ts [ops] [concurrency]
 */
import mongoose from 'mongoose';
import { startParFerretdb } from './par-ferretdb.ts';

const ops = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 16);

interface Doc {
  _id: number;
  version: number;
  payload: string;
}

/** Runs `ops` calls of `call`, `concurrency` at a time; prints and returns the throughput. */
async function measure(label: string, call: (worker: number) => Promise<void>) {
  for (let i = 0; i < Math.min(100, ops); i++) await call(0); // warm-up
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next++ < ops) {
        const t = performance.now();
        await call(worker);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.floor((latencies.length - 1) * p)]!.toFixed(2);
  const perSecond = ops / seconds;
  console.log(
    `${label.padEnd(44)} ${perSecond.toFixed(0).padStart(6)} op/s   p50 ${pct(0.5)} ms   p95 ${pct(0.95)} ms   p99 ${pct(0.99)} ms`,
  );
  return perSecond;
}

const { publicPort, directPort, stop } = await startParFerretdb('ferretdb');
const connections: mongoose.Connection[] = [];
try {
  const open = async (port: number) => {
    const c = await mongoose
      .createConnection(`mongodb://127.0.0.1:${port}`, {
        dbName: 'bench',
        maxPoolSize: concurrency + 4,
      })
      .asPromise();
    connections.push(c);
    return c.collection<Doc>('docs');
  };
  type Collection = Awaited<ReturnType<typeof open>>;
  const paths = { locked: await open(publicPort), direct: await open(directPort) };
  // One document per worker: the workers do not conflict, so any slowdown is the lock's.
  await paths.direct.insertMany(
    Array.from({ length: concurrency }, (_, i) => ({
      _id: i,
      version: 0,
      payload: 'x'.repeat(200),
    })),
  );

  console.log(`par-ferretdb: ${ops} operations per workload and run, ${concurrency} at a time`);
  const results: Record<string, { direct: number; locked: number }> = {};
  // Each path runs twice, in the order direct, locked, locked, direct, and the two throughputs
  // are averaged: on a shared machine whatever runs first or last would otherwise be favoured.
  async function compare(
    workload: string,
    call: (c: Collection, w: number) => Promise<void>,
    writersBeside = 0,
  ) {
    const run = async (name: keyof typeof paths) => {
      let writing = true;
      const writers = Array.from({ length: writersBeside }, async (_, i) => {
        while (writing) await paths[name].updateOne({ _id: i }, { $inc: { version: 1 } });
      });
      const perSecond = await measure(
        `${workload}, ${name === 'direct' ? 'direct (baseline)' : 'via write lock'}`,
        (w) => call(paths[name], w),
      );
      writing = false;
      await Promise.all(writers);
      return perSecond;
    };
    const d1 = await run('direct');
    const l1 = await run('locked');
    const l2 = await run('locked');
    const d2 = await run('direct');
    results[workload] = { direct: (d1 + d2) / 2, locked: (l1 + l2) / 2 };
  }

  await compare('conditional updateOne', async (c, w) => {
    // The optimistic-version pattern: read the version, update on it.
    const doc = await c.findOne({ _id: w });
    await c.updateOne(
      { _id: w, version: doc!.version },
      { $inc: { version: 1 }, $set: { payload: `v${doc!.version}` } },
    );
  });
  await compare('findOne by _id', async (c, w) => {
    await c.findOne({ _id: w });
  });
  // Reads while writers hold the lock: reads are not serialized, but they share the process.
  await compare(
    'findOne beside 4 writers',
    async (c, w) => {
      await c.findOne({ _id: w });
    },
    4,
  );

  for (const [workload, { direct, locked }] of Object.entries(results)) {
    console.log(
      `${workload}: via write lock / direct throughput = ${(locked / direct).toFixed(2)}`,
    );
  }
} finally {
  await Promise.all(connections.map((c) => c.close()));
  await stop();
}
