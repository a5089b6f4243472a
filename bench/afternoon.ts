/**
 * The concentrated data-entry afternoon (issue 10): N units × 2 officers, each with a real
 * Keycloak token, saving one of its unit's entries every 5 s through the gateway
 * (`PUT /api/self-assessment/periods/:id/entries/:code`, autosave's request) and uploading a
 * 1 MB PDF now and then (slot, POST to MinIO, confirm; each phase's percentiles apart). In the
 * same run, the baselines: the same conditional update straight to the database (back to back,
 * 32 at once: what the writer takes) and the same bytes PUT straight to MinIO.
 *
 * Then the uploads' throughput (issue 10: ≥ 80 % of a direct PUT's): `--upload-streams` officers
 * each uploading back to back through the whole path (slot, POST, confirm) for
 * `--upload-seconds`, then as many streams PUTting the same bytes straight to MinIO for the same
 * time; aggregate MB/s of both and their ratio. The files it uploads are deleted after.
 *
 * Open load: each save is due at a fixed moment and its latency counts from then, so a queue
 * shows as latency instead of lowering the offered rate. Each officer saves its own half of the
 * unit's leaves, so a 409 is an error here, not a conflict between the two.
 *
 *   source deploy/local/lib/env.sh && npm run build:ts &&
 *   node bench/afternoon.ts [--units 250] [--seconds 120] [--uploads-per-officer 1]
 *     [--save-every-ms 5000[,357…]] [--lazy-collections] [--upload-streams 8] [--upload-seconds 20]
 *
 * A 503 is retried as the page retries it; the 503s, the saves that landed on a retry and those
 * lost are printed apart. The service makes the period's entry collections when it opens; the
 * load starts once they exist, and they are dropped at the end.
 *
 * Needs the local stack (`bash deploy/local/stack.sh start`); starts the gateway, accounts,
 * assessment and evidence services itself. Creates its own index, set, units, period and
 * Keycloak users under a fresh tag, and removes the users at the end.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Client as MinioClient } from 'minio';
import mongoose from 'mongoose';
import { loadSecrets, startApps, stopApps } from '../deploy/local/apps/apps.ts';
import { cpuPerOperation, cpuSeconds, stackServers } from './process-cpu.ts';
import { callApi } from '../test/support/api.ts';
import {
  createTestClient,
  createUser,
  deleteTestClient,
  deleteUser,
  tokenFor,
  type TestUser,
} from '../test/support/keycloak.ts';

const { values: args } = parseArgs({
  options: {
    units: { type: 'string', default: '250' },
    seconds: { type: 'string', default: '120' },
    'uploads-per-officer': { type: 'string', default: '1' },
    /**
     * Each officer's save interval; several (`5000,357`) run one after the other on the same
     * units and officers. 357 ms at 250 units offers the national ≈1,400 saves/s.
     */
    'save-every-ms': { type: 'string', default: '5000' },
    /**
     * Drops the collections the service made when the period opened, so each unit × area's
     * first save creates its own, as before 7 December: with `PAR_PERIOD_CACHE_MS=0` and
     * `PAR_SAVES_CONCURRENCY=100000`, the save path as it was, for comparison.
     */
    'lazy-collections': { type: 'boolean', default: false },
    /** Officers uploading back to back in the throughput phase (0: no such phase). */
    'upload-streams': { type: 'string', default: '8' },
    'upload-seconds': { type: 'string', default: '20' },
  },
});
const UNITS = Number(args.units);
const SECONDS = Number(args.seconds);
const UPLOADS_PER_OFFICER = Number(args['uploads-per-officer']);
const SAVE_EVERY_MS = args['save-every-ms'].split(',').map(Number);
const UPLOAD_STREAMS = Number(args['upload-streams']);
const UPLOAD_SECONDS = Number(args['upload-seconds']);
/** A 503 is tried again as the page does (`defaultBackoff`: 1, 2, 4, 8 s), then counted lost. */
const RETRIES = 4;
/** The quiet window before each load in which each process's idle CPU is measured. */
const IDLE_MS = 10_000;
const backoff = (attempt: number) => 1000 * 2 ** (attempt - 1);
const AREAS = 10;
const LEAVES_PER_AREA = 10;
const FILE_BYTES = 1024 * 1024;
const tag = randomUUID().slice(0, 6).toUpperCase();
const YEAR = new Date().getFullYear();

/** A 1,000-character Vietnamese explanation, as units write them. */
const explanation = 'Đơn vị đã ban hành kế hoạch, tổ chức thực hiện đầy đủ và đúng hạn. '
  .repeat(20)
  .slice(0, 1000);

/** A PDF the evidence service recognises by its bytes, padded to one megabyte. */
const pdfBytes = (() => {
  const head = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(FILE_BYTES - head.length - tail.length, 32), tail]);
})();

function percentiles(latencies: number[]): string {
  if (latencies.length === 0) return 'p50 – / p95 – / p99 – ms';
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.floor((sorted.length - 1) * p)]!.toFixed(0);
  return `p50 ${at(0.5)} / p95 ${at(0.95)} / p99 ${at(0.99)} ms`;
}

async function ok<T>(what: string, res: Promise<{ status: number; body: T }>): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Runs `task` over `items`, `width` at a time. */
async function inBatches<T, R>(items: T[], width: number, task: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i]!);
      }
    }),
  );
  return results;
}

interface Officer {
  user: TestUser;
  token: string;
  unitCode: string;
  leaves: string[];
  versions: Map<string, number>;
  /** Leaves with a save under way (or waiting to retry): the officer saves another meanwhile. */
  busy: Set<string>;
}

async function setUp(adminToken: string) {
  const indexCode = `AFT${tag}`;
  const unitGroup = `afternoon-${tag}`;
  await ok(
    'index',
    callApi('/indices', {
      method: 'POST',
      token: adminToken,
      body: { code: indexCode, name: `Buổi chiều ${tag}` },
    }),
  );
  const nodes = [];
  const leafCodes: string[] = [];
  for (let a = 1; a <= AREAS; a++) {
    nodes.push({ code: `${a}`, title: `Lĩnh vực ${a}`, maxScore: LEAVES_PER_AREA * 100 });
    for (let l = 1; l <= LEAVES_PER_AREA; l++) {
      leafCodes.push(`${a}.${l}`);
      nodes.push({
        code: `${a}.${l}`,
        parentCode: `${a}`,
        title: `Tiêu chí ${a}.${l}`,
        maxScore: 100,
        rule: { type: 'manual', max: 100, step: 25 },
        evidence: { min: 0, max: 5 },
      });
    }
  }
  const set = await ok<{ id: string }>(
    'criteria set',
    callApi('/criteria-sets', {
      method: 'POST',
      token: adminToken,
      body: { indexCode, year: YEAR, unitGroup, name: `Bộ tiêu chí buổi chiều ${tag}`, nodes },
    }),
  );
  const unitCodes = Array.from({ length: UNITS }, (_, i) => `A${tag}-${i + 1}`);
  await inBatches(unitCodes, 8, (code) =>
    ok(
      `unit ${code}`,
      callApi('/units', {
        method: 'POST',
        token: adminToken,
        body: { code, name: `Đơn vị ${code}`, kind: 'commune', unitGroup },
      }),
    ),
  );
  const day = 86_400_000;
  const at = (ms: number) => new Date(Date.now() + ms).toISOString();
  const period = await ok<{ id: string; version: number }>(
    'period',
    callApi('/periods', {
      method: 'POST',
      token: adminToken,
      body: {
        indexCode,
        year: YEAR,
        name: `Kỳ đánh giá buổi chiều ${tag}`,
        criteriaSets: [{ unitGroup, criteriaSetId: set.id }],
        phases: [
          { phase: 'setup', startsAt: at(-day), endsAt: at(day) },
          { phase: 'selfAssessment', startsAt: at(day), endsAt: at(2 * day) },
          { phase: 'appraisalRound1', startsAt: at(2 * day), endsAt: at(3 * day) },
          { phase: 'clarification', startsAt: at(3 * day), endsAt: at(4 * day) },
          { phase: 'appraisalRound2', startsAt: at(4 * day), endsAt: at(5 * day) },
          { phase: 'consolidation', startsAt: at(5 * day), endsAt: at(6 * day) },
          { phase: 'published', startsAt: at(6 * day) },
        ],
      },
    }),
  );
  // Moving on by hand starts the self-assessment now.
  await ok(
    'start of self-assessment',
    callApi(`/periods/${period.id}/advance`, {
      method: 'POST',
      token: adminToken,
      body: { version: period.version },
    }),
  );
  return { periodId: period.id, unitCodes, leafCodes };
}

async function makeOfficers(unitCodes: string[], leafCodes: string[]) {
  const client = await createTestClient({ lifespanSeconds: 3600 });
  const specs = unitCodes.flatMap((unitCode) => [0, 1].map((half) => ({ unitCode, half })));
  const officers = await inBatches(specs, 8, async ({ unitCode, half }) => {
    const user = await createUser({ roles: ['data-entry'], unit: unitCode });
    return {
      user,
      token: await tokenFor(user, client),
      unitCode,
      leaves: leafCodes.filter((_, i) => i % 2 === half),
      versions: new Map<string, number>(),
      busy: new Set<string>(),
    } satisfies Officer;
  });
  return { client, officers };
}

interface LoadResult {
  offered: number;
  done: number;
  errors: Map<string, number>;
  latencies: number[];
  /** 503 answers (each tried again later), and how long each took to come. */
  busy: { answers: number; latencies: number[]; landedLater: number; lost: number };
  uploads: UploadTimes & { errors: number };
}

/** Uploads done and how long each took, whole and by phase (slot, POST to MinIO, confirm). */
interface UploadTimes {
  done: number;
  bytes: number;
  busyMs: number;
  latencies: number[];
  slot: number[];
  post: number[];
  confirm: number[];
}

const noUploads = (): UploadTimes => ({
  done: 0,
  bytes: 0,
  busyMs: 0,
  latencies: [],
  slot: [],
  post: [],
  confirm: [],
});

/**
 * One upload as the portal's page does it: the slot (`POST /api/evidence/uploads`), the bytes
 * POSTed to MinIO with the slot's policy, then the confirmation. Returns the file's id.
 */
async function uploadOnce(periodId: string, officer: Officer, times: UploadTimes) {
  const t0 = performance.now();
  const slot = await ok<{
    file: { id: string };
    upload: { url: string; fields: Record<string, string> };
  }>(
    'upload slot',
    callApi('/evidence/uploads', {
      method: 'POST',
      token: officer.token,
      body: {
        periodId,
        name: 'Báo cáo kết quả thực hiện.pdf',
        size: FILE_BYTES,
        contentType: 'application/pdf',
        criterionCodes: [officer.leaves[0]],
      },
    }),
  );
  const t1 = performance.now();
  const form = new FormData();
  for (const [k, v] of Object.entries(slot.upload.fields)) form.append(k, v);
  form.append('file', new Blob([pdfBytes], { type: 'application/pdf' }));
  const put = await fetch(slot.upload.url, { method: 'POST', body: form });
  await put.arrayBuffer();
  if (!put.ok) throw new Error(`MinIO POST: HTTP ${put.status}`);
  const t2 = performance.now();
  await ok(
    'confirm',
    callApi(`/evidence/files/${slot.file.id}/confirm`, { method: 'POST', token: officer.token }),
  );
  const t3 = performance.now();
  times.done++;
  times.bytes += FILE_BYTES;
  times.busyMs += t3 - t0;
  times.latencies.push(t3 - t0);
  times.slot.push(t1 - t0);
  times.post.push(t2 - t1);
  times.confirm.push(t3 - t2);
  return slot.file.id;
}

/** The uploads' percentiles by phase. */
function printPhases(times: UploadTimes) {
  console.log(`  slot             ${percentiles(times.slot)}`);
  console.log(`  POST to MinIO    ${percentiles(times.post)}`);
  console.log(`  confirm          ${percentiles(times.confirm)}`);
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function offerAfternoon(
  periodId: string,
  officers: Officer[],
  everyMs: number,
): Promise<LoadResult> {
  const result: LoadResult = {
    offered: 0,
    done: 0,
    errors: new Map(),
    latencies: [],
    busy: { answers: 0, latencies: [], landedLater: 0, lost: 0 },
    uploads: { ...noUploads(), errors: 0 },
  };
  const fail = (what: string) => result.errors.set(what, (result.errors.get(what) ?? 0) + 1);
  const started = performance.now();
  const end = started + SECONDS * 1000;

  const save = async (officer: Officer, due: number) => {
    const free = officer.leaves.filter((leaf) => !officer.busy.has(leaf));
    if (free.length === 0) {
      fail('save not sent: every leaf of the officer still waiting for a retry');
      return;
    }
    const code = free[Math.floor(Math.random() * free.length)]!;
    officer.busy.add(code);
    try {
      for (let attempt = 0; ; attempt++) {
        const sent = performance.now();
        const res = await saveOnce(officer, code);
        if (res.status === 200) {
          officer.versions.set(code, res.body.version as number);
          result.done++;
          result.latencies.push(performance.now() - due);
          if (attempt > 0) result.busy.landedLater++;
          return;
        }
        if (res.status !== 503) {
          fail(`save HTTP ${res.status} ${res.body?.error?.code ?? ''}`.trim());
          return;
        }
        result.busy.answers++;
        result.busy.latencies.push(performance.now() - sent);
        if (attempt === RETRIES) {
          result.busy.lost++;
          fail(`save HTTP 503 ${res.body?.error?.code ?? ''} ${RETRIES + 1} times`);
          return;
        }
        await new Promise((r) => setTimeout(r, backoff(attempt + 1)));
      }
    } finally {
      officer.busy.delete(code);
    }
  };

  const saveOnce = async (officer: Officer, code: string) => {
    const version = officer.versions.get(code) ?? 0;
    return callApi(`/self-assessment/periods/${periodId}/entries/${encodeURIComponent(code)}`, {
      method: 'PUT',
      token: officer.token,
      body: {
        version,
        inputs: { value: 25 * Math.floor(Math.random() * 5) },
        explanation,
        missingEvidenceExplanation: '',
      },
    }).catch((err: Error) => ({ status: 0, body: { error: { code: err.message } } }));
  };

  const upload = async (officer: Officer) => {
    try {
      await uploadOnce(periodId, officer, result.uploads);
    } catch (err) {
      result.uploads.errors++;
      fail(`upload: ${(err as Error).message.slice(0, 80)}`);
    }
  };

  const inFlight: Promise<void>[] = [];
  await Promise.all(
    officers.map(async (officer) => {
      // A random phase, so the saves spread over each 5 s rather than arriving together.
      let due = started + Math.random() * everyMs;
      const uploadsAt = Array.from(
        { length: UPLOADS_PER_OFFICER },
        () => started + Math.random() * SECONDS * 1000,
      ).sort((a, b) => a - b);
      while (due < end) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        result.offered++;
        inFlight.push(save(officer, due));
        while (uploadsAt.length > 0 && uploadsAt[0]! <= due) {
          uploadsAt.shift();
          inFlight.push(upload(officer));
        }
        due += everyMs;
      }
    }),
  );
  await Promise.all(inFlight);
  return result;
}

/** What the database takes: the same conditional update as a save, 32 at once, back to back. */
async function directDatabaseWrites(seconds: number): Promise<number> {
  const db = await mongoose
    .createConnection(process.env.PAR_MONGO_URL!, { dbName: `bench-afternoon-${tag}` })
    .asPromise();
  try {
    const docs = Array.from({ length: 100 }, (_, i) => ({
      _id: `${1 + Math.floor(i / 10)}.${1 + (i % 10)}`,
      score: null,
      explanation: '',
      version: 0,
    }));
    const entries = db.collection<{ _id: string; version: number }>('entries');
    await entries.insertMany(docs as never);
    const versions = new Map(docs.map((d) => [d._id, 0]));
    let done = 0;
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: 32 }, async (_, w) => {
        // Each writer keeps to its own documents, as each officer does.
        const mine = docs.filter((_, i) => i % 32 === w).map((d) => d._id);
        while (performance.now() < end) {
          const id = mine[Math.floor(Math.random() * mine.length)]!;
          const version = versions.get(id)!;
          const r = await entries.updateOne({ _id: id, version } as never, {
            $set: { score: 50, explanation },
            $inc: { version: 1 },
          });
          if (r.modifiedCount === 1) versions.set(id, version + 1);
          done++;
        }
      }),
    );
    return done / seconds;
  } finally {
    await db.dropDatabase();
    await db.close();
  }
}

/** The bench's client of the bucket, as root. */
function rootMinio(): { minio: MinioClient; bucket: string } {
  const url = new URL(process.env.PAR_MINIO_ENDPOINT!);
  const secrets = loadSecrets();
  const minio = new MinioClient({
    endPoint: url.hostname,
    port: Number(url.port),
    useSSL: url.protocol === 'https:',
    accessKey: secrets.PAR_MINIO_ROOT_USER ?? '',
    secretKey: secrets.PAR_MINIO_ROOT_PASSWORD ?? '',
  });
  return { minio, bucket: process.env.PAR_MINIO_BUCKET ?? 'evidence' };
}

/**
 * What MinIO takes: the uploads' bytes PUT straight to the bucket, `streams` at once, `count`
 * PUTs in all or back to back for `seconds`.
 */
async function directMinioPuts(
  streams: number,
  until: { count: number } | { seconds: number },
): Promise<{ bytesPerSecond: number; ms: number[] }> {
  const { minio, bucket } = rootMinio();
  const names: string[] = [];
  const ms: number[] = [];
  const t0 = performance.now();
  const end = 'seconds' in until ? t0 + until.seconds * 1000 : Infinity;
  const more = () => ('count' in until ? names.length < until.count : performance.now() < end);
  await Promise.all(
    Array.from({ length: streams }, async () => {
      while (more()) {
        const name = `bench-afternoon/${tag}/${names.length}.pdf`;
        names.push(name);
        const t = performance.now();
        await minio.putObject(bucket, name, pdfBytes, FILE_BYTES, {
          'Content-Type': 'application/pdf',
        });
        ms.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  await inBatches(names, 8, (name) => minio.removeObject(bucket, name));
  return { bytesPerSecond: (ms.length * FILE_BYTES) / seconds, ms };
}

/** MB/s of one stream: the bytes it moved over the time it was busy. */
const perStream = (ms: number[]) =>
  ms.length ? (FILE_BYTES * ms.length) / (ms.reduce((a, b) => a + b, 0) / 1000) / 1e6 : 0;

/**
 * The uploads' throughput: `streams` officers uploading back to back through the whole path for
 * `seconds`, then as many streams PUTting the same bytes straight to MinIO for as long. The
 * files uploaded are deleted through the API after.
 */
async function uploadThroughput(periodId: string, officers: Officer[], streams: number) {
  const times = noUploads();
  const errors = new Map<string, number>();
  const uploaded: Array<{ officer: Officer; id: string }> = [];
  const t0 = performance.now();
  const end = t0 + UPLOAD_SECONDS * 1000;
  await Promise.all(
    officers.slice(0, streams).map(async (officer) => {
      while (performance.now() < end) {
        try {
          uploaded.push({ officer, id: await uploadOnce(periodId, officer, times) });
        } catch (err) {
          const what = (err as Error).message.slice(0, 80);
          errors.set(what, (errors.get(what) ?? 0) + 1);
        }
      }
    }),
  );
  const portalSeconds = (performance.now() - t0) / 1000;
  const direct = await directMinioPuts(streams, { seconds: UPLOAD_SECONDS });
  await inBatches(uploaded, 8, ({ officer, id }) =>
    callApi(`/evidence/files/${id}`, { method: 'DELETE', token: officer.token }),
  );
  return { times, errors, portal: times.bytes / portalSeconds, direct };
}

/** The assessment service's database, where the entries' collections are. */
async function assessmentDatabase() {
  return mongoose
    .createConnection(process.env.PAR_MONGO_URL!, {
      dbName: process.env.PAR_MONGO_DB ?? 'assessment',
    })
    .asPromise();
}

const entryCollections = async (db: mongoose.Connection, periodId: string) =>
  (await db.listCollections())
    .map((c) => c.name)
    .filter((name) => name.startsWith(`entries__${periodId}__`));

/**
 * Waits until the service has created the period's entry collections (it starts when the period
 * opens, in the background): the afternoon starts on a period whose units have them.
 */
async function collectionsReady(periodId: string): Promise<number> {
  const db = await assessmentDatabase();
  const t0 = performance.now();
  try {
    for (;;) {
      const n = (await entryCollections(db, periodId)).length;
      if (n >= UNITS * AREAS) return (performance.now() - t0) / 1000;
      if (performance.now() - t0 > 30 * 60_000) throw new Error(`only ${n} entry collections`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  } finally {
    await db.close();
  }
}

/** Drops the run's entry collections, so the next run's database is not the sum of all runs. */
async function dropEntryCollections(periodId: string) {
  const db = await assessmentDatabase();
  try {
    for (const name of await entryCollections(db, periodId)) await db.dropCollection(name);
  } finally {
    await db.close();
  }
}

const apps = await startApps(['gateway', 'accounts', 'assessment', 'evidence']);
const appPids = Object.fromEntries(apps.map((app) => [app.name, app.process.pid!]));
const adminClient = await createTestClient({ lifespanSeconds: 3600 });
const admin = await createUser({ roles: ['admin'] });
let officers: Officer[] = [];
let officerClient: Awaited<ReturnType<typeof createTestClient>> | null = null;
let runPeriodId: string | null = null;
try {
  const adminToken = await tokenFor(admin, adminClient);
  console.log(`afternoon ${tag}: ${UNITS} units × 2 officers, ${SECONDS} s, setting up…`);
  const t0 = performance.now();
  const { periodId, unitCodes, leafCodes } = await setUp(adminToken);
  runPeriodId = periodId;
  const prepared = await collectionsReady(periodId);
  console.log(
    `${UNITS * AREAS} entry collections ready ${prepared.toFixed(0)} s after the period opened`,
  );
  if (args['lazy-collections']) {
    await dropEntryCollections(periodId);
    console.log('dropped them: each unit × area’s first save creates its collection');
  }
  ({ client: officerClient, officers } = await makeOfficers(unitCodes, leafCodes));
  // Each officer opens the page once, as the afternoon begins.
  const opened = await inBatches(officers, 16, (o) =>
    callApi(`/self-assessment/periods/${periodId}`, { token: o.token }).then((r) => r.status),
  );
  const openFailures = opened.filter((s) => s !== 200).length;
  console.log(
    `set up in ${((performance.now() - t0) / 1000).toFixed(0)} s; ${officers.length} officers opened the page (${openFailures} failed)`,
  );

  for (const everyMs of SAVE_EVERY_MS) {
    const loadBefore = loadAverage();
    // What each process spends with no load (timers, heartbeats, the scheduler, Keycloak's JVM)
    // is taken off its CPU during the load, so the figure per save is the save's own.
    const idleBefore = cpuSeconds(stackServers(), appPids);
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const cpuBefore = cpuSeconds(stackServers(), appPids);
    const loadStarted = performance.now();
    const load = await offerAfternoon(periodId, officers, everyMs);
    const cpuAfter = cpuSeconds(stackServers(), appPids);
    const idleShare = (performance.now() - loadStarted) / IDLE_MS;
    const direct = await directDatabaseWrites(Math.min(30, SECONDS));
    const directPut = await directMinioPuts(8, { count: Math.max(8, load.uploads.done) });

    const achieved = load.done / SECONDS;
    console.log('');
    console.log(`each officer saves every ${everyMs} ms, ${SECONDS} s`);
    console.log(`saves offered      ${(load.offered / SECONDS).toFixed(1)}/s (${load.offered})`);
    console.log(`load average       ${loadBefore} before, ${loadAverage()} after`);
    console.log(
      `saves achieved     ${achieved.toFixed(1)}/s (${load.done})   ${percentiles(load.latencies)}`,
    );
    console.log(
      `busy (503)         ${load.busy.answers} answers, ${percentiles(load.busy.latencies)}; ` +
        `${load.busy.landedLater} saves landed on a retry, ${load.busy.lost} lost after ${RETRIES + 1} tries`,
    );
    console.log(
      `CPU ms per save    ${cpuPerOperation(cpuBefore, cpuAfter, load.offered, idleBefore, idleShare)} (uploads included)`,
    );
    console.log(`direct DB writes   ${direct.toFixed(1)}/s (32 back to back, same update)`);
    console.log(`achieved / direct  ${(achieved / direct).toFixed(2)}`);
    console.log(
      `uploads            ${load.uploads.done} × 1 MB, ${load.uploads.errors} failed, ${percentiles(load.uploads.latencies)} (slot + POST + confirm)`,
    );
    printPhases(load.uploads);
    console.log(
      `upload per stream  ${perStream(load.uploads.latencies).toFixed(1)} MB/s; direct PUT per stream ${perStream(
        directPut.ms,
      ).toFixed(1)} MB/s; direct PUT total ${(directPut.bytesPerSecond / 1e6).toFixed(1)} MB/s`,
    );
    console.log(
      `errors             ${[...load.errors].map(([k, n]) => `${k}: ${n}`).join(', ') || '0'}`,
    );
  }

  if (UPLOAD_STREAMS > 0) {
    const streams = Math.min(UPLOAD_STREAMS, officers.length);
    const loadBefore = loadAverage();
    const up = await uploadThroughput(periodId, officers, streams);
    const portal = up.portal / 1e6;
    const direct = up.direct.bytesPerSecond / 1e6;
    console.log('');
    console.log(`upload throughput, ${streams} streams back to back, ${UPLOAD_SECONDS} s each`);
    console.log(`load average       ${loadBefore} before, ${loadAverage()} after`);
    console.log(
      `through the portal ${up.times.done} × 1 MB, ${[...up.errors.values()].reduce((a, b) => a + b, 0)} failed, ${percentiles(up.times.latencies)}`,
    );
    printPhases(up.times);
    console.log(`direct PUT         ${up.direct.ms.length} × 1 MB, ${percentiles(up.direct.ms)}`);
    console.log(
      `aggregate          portal ${portal.toFixed(1)} MB/s, direct PUT ${direct.toFixed(1)} MB/s, portal / direct ${(portal / direct).toFixed(2)}`,
    );
    console.log(
      `per stream         portal ${perStream(up.times.latencies).toFixed(1)} MB/s, direct PUT ${perStream(up.direct.ms).toFixed(1)} MB/s`,
    );
    console.log(
      `errors             ${[...up.errors].map(([k, n]) => `${k}: ${n}`).join(', ') || '0'}`,
    );
  }
} finally {
  await inBatches(officers, 8, (o) => deleteUser(o.user).catch(() => undefined));
  await deleteUser(admin).catch(() => undefined);
  await deleteTestClient(adminClient).catch(() => undefined);
  if (officerClient) await deleteTestClient(officerClient).catch(() => undefined);
  await stopApps(apps);
  if (runPeriodId) await dropEntryCollections(runPeriodId).catch(() => undefined);
}
