/**
 * A campaign day at the public survey endpoint (issue 13): citizens' answers to a 20-question
 * form offered at a fixed rate (default 100/s) for a few minutes through the gateway without
 * login (`POST /api/public/surveys/:campaign/units/:unit/responses`), each from its own device
 * token and its own address (the gateway trusts one proxy here, as behind the ingress, so the
 * per-address limits hold as in production). In the same run, the baseline: the same response
 * document inserted straight into the database at the same rate.
 *
 * Open load: each answer is due at a fixed moment and its latency counts from then, so a queue
 * shows as latency instead of lowering the offered rate. Prints offered and achieved rates,
 * p50/p95/p99, errors by status, and the ratios against the direct inserts.
 *
 *   source deploy/local/lib/env.sh && npm run build:ts &&
 *   node bench/survey-campaign.ts [--rate 100] [--seconds 180] [--units 20] [--baseline-seconds 30]
 *
 * Needs the local stack (`bash deploy/local/stack.sh start`); starts the gateway, accounts,
 * assessment and survey services itself. Creates its own units, set, period, questionnaire and
 * campaign under a fresh tag and an admin in Keycloak, which it removes at the end.
 */
import { createHash, randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { startApps, stopApps } from '../deploy/local/apps/apps.ts';
import { callApi } from '../test/support/api.ts';
import {
  createTestClient,
  createUser,
  deleteTestClient,
  deleteUser,
  tokenFor,
} from '../test/support/keycloak.ts';
import { openPeriod } from '../test/support/open-period.ts';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '180' },
    units: { type: 'string', default: '20' },
    'baseline-seconds': { type: 'string', default: '30' },
  },
});
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const UNITS = Number(args.units);
const BASELINE_SECONDS = Number(args['baseline-seconds']);
const tag = randomUUID().slice(0, 6).toUpperCase();

const aspects = ['access', 'procedure', 'civilServant', 'result', 'feedback'] as const;

/** 20 questions: 5 aspect sections × 3 scale questions, then 2 choices, 1 number, 1 text. */
const questionnaire = {
  title: `Phiếu SIPAS (đo tải ${tag})`,
  sections: [
    ...aspects.map((aspect, s) => ({
      key: `s${s + 1}`,
      title: `Khía cạnh ${s + 1}`,
      aspect,
      questions: [1, 2, 3].map((q) => ({
        key: `s${s + 1}q${q}`,
        type: 'scale',
        label: `Mức độ hài lòng ${s + 1}.${q}`,
        required: true,
      })),
    })),
    {
      key: 'khac',
      title: 'Thông tin thêm',
      questions: [
        {
          key: 'gioiTinh',
          type: 'singleChoice',
          label: 'Giới tính',
          options: [
            { key: 'nam', label: 'Nam' },
            { key: 'nu', label: 'Nữ' },
          ],
        },
        {
          key: 'kenh',
          type: 'multipleChoice',
          label: 'Kênh biết thông tin',
          options: [
            { key: 'web', label: 'Cổng dịch vụ công' },
            { key: 'tv', label: 'Truyền hình' },
            { key: 'nguoiQuen', label: 'Người quen' },
          ],
        },
        { key: 'soLan', type: 'number', label: 'Số lần đi lại', min: 0, max: 20 },
        { key: 'gopY', type: 'longText', label: 'Góp ý', maxLength: 2000 },
      ],
    },
  ],
};

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
/** A citizen's 20 answers, with a 200-character comment. */
const answersOf = () => ({
  ...Object.fromEntries(
    aspects.flatMap((_, s) => [1, 2, 3].map((q) => [`s${s + 1}q${q}`, pick([2, 3, 4, 4, 5, 5])])),
  ),
  gioiTinh: pick(['nam', 'nu']),
  kenh: ['web', pick(['tv', 'nguoiQuen'])],
  soLan: pick([1, 1, 2, 3]),
  gopY: 'Cán bộ tiếp nhận hồ sơ nhiệt tình, hướng dẫn rõ ràng; thời gian chờ còn hơi lâu. '
    .repeat(3)
    .slice(0, 200),
});

function percentiles(latencies: number[]): { text: string; at: (p: number) => number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.floor((sorted.length - 1) * p)]! : NaN);
  return {
    at,
    text: sorted.length
      ? `p50 ${at(0.5).toFixed(1)} / p95 ${at(0.95).toFixed(1)} / p99 ${at(0.99).toFixed(1)} ms`
      : 'p50 – / p95 – / p99 – ms',
  };
}

async function ok<T>(what: string, res: Promise<{ status: number; body: T }>): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Calls `task(i)` for i = 0… at `rate` per second for `seconds`; latency from each due time. */
async function openLoad(
  rate: number,
  seconds: number,
  task: (i: number) => Promise<number>,
): Promise<{
  offered: number;
  latencies: number[];
  statuses: Map<number, number>;
  tookMs: number;
}> {
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      task(i)
        .catch(() => 0)
        .then((status) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status === 201 || status === 200) latencies.push(performance.now() - due);
        }),
    );
  }
  await Promise.all(pending);
  return { offered: total, latencies, statuses, tookMs: performance.now() - started };
}

// The gateway believes one proxy's X-Forwarded-For, as behind the ingress: each citizen has its
// own address, so the per-address limits apply to each as in production.
process.env.PAR_TRUSTED_PROXIES = '1';
const apps = await startApps(['gateway', 'accounts', 'assessment', 'survey']);
const client = await createTestClient({ lifespanSeconds: 3600 });
const admin = await createUser({ roles: ['admin'] });
const baselineDb = await mongoose
  .createConnection(process.env.PAR_MONGO_URL!, { dbName: `bench-survey-${tag}` })
  .asPromise();
try {
  const token = await tokenFor(admin, client);
  const units = Array.from(
    { length: UNITS },
    (_, i) => `BS${tag}${String(i + 1).padStart(3, '0')}`,
  );
  const { periodId } = await openPeriod({
    token,
    unitGroup: `BS${tag}`,
    units,
    name: `Đo tải khảo sát ${tag}`,
  });
  const post = (path: string, body: unknown) => callApi(path, { method: 'POST', token, body });
  const created = await ok<{ id: string; version: number }>(
    'questionnaire',
    post('/survey/questionnaires', { definition: questionnaire }),
  );
  const published = await ok<{ number: number }>(
    'publication',
    post(`/survey/questionnaires/${created.id}/versions`, { version: created.version }),
  );
  const campaign = await ok<{ id: string; version: number }>(
    'campaign',
    post('/survey/campaigns', {
      periodId,
      name: `Đo tải ${tag}`,
      questionnaireId: created.id,
      questionnaireVersion: published.number,
      units: units.map((unitCode) => ({ unitCode, population: 5000 })),
    }),
  );
  await ok('opening', post(`/survey/campaigns/${campaign.id}/open`, { version: campaign.version }));

  const body = () => ({ deviceToken: randomUUID(), answers: answersOf(), consent: false });
  const address = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  console.log(
    `survey campaign ${tag}: ${UNITS} units, 20 questions, ${RATE}/s for ${SECONDS} s through the gateway; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const load = await openLoad(RATE, SECONDS, async (i) => {
    const answer = body();
    const res = await fetch(
      `${process.env.PAR_GATEWAY_URL}/api/public/surveys/${campaign.id}/units/${units[i % UNITS]}/responses`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address(i) },
        body: JSON.stringify(answer),
      },
    );
    await res.arrayBuffer();
    return res.status;
  });

  // The baseline: the same document (what the service stores) inserted straight, same rate.
  const responses = baselineDb.collection<{ _id: string }>('responses');
  const direct = await openLoad(RATE, BASELINE_SECONDS, async (i) => {
    const { deviceToken, answers } = body();
    await responses.insertOne({
      _id: `d:${createHash('sha256')
        .update(`${campaign.id}\n${units[i % UNITS]}\n${deviceToken}`)
        .digest('hex')}`,
      campaignId: campaign.id,
      unitCode: units[i % UNITS]!,
      channel: 'online',
      answers,
      consent: false,
      receivedAt: new Date(),
    } as never);
    return 201;
  });

  const count = (
    await ok<{ responseCount: number }>(
      'campaign',
      callApi(`/survey/campaigns/${campaign.id}`, { token }),
    )
  ).responseCount;
  const through = percentiles(load.latencies);
  const straight = percentiles(direct.latencies);
  const errors = [...load.statuses].filter(([s]) => s !== 201);
  console.log('');
  console.log(`answers offered    ${(load.offered / SECONDS).toFixed(1)}/s (${load.offered})`);
  console.log(
    `answers stored     ${count} (${(count / (load.tookMs / 1000)).toFixed(1)}/s over ${(load.tookMs / 1000).toFixed(0)} s)`,
  );
  console.log(`through gateway    ${through.text}`);
  console.log(
    `errors             ${errors.length ? errors.map(([s, n]) => `${n} × ${s === 0 ? 'no answer' : `HTTP ${s}`}`).join(', ') : '0'}`,
  );
  console.log(
    `direct inserts     ${straight.text} (${direct.offered} at ${RATE}/s for ${BASELINE_SECONDS} s)`,
  );
  console.log(
    `ratio gateway ÷ direct   p50 ${(through.at(0.5) / straight.at(0.5)).toFixed(1)}×, p95 ${(through.at(0.95) / straight.at(0.95)).toFixed(1)}×, p99 ${(through.at(0.99) / straight.at(0.99)).toFixed(1)}×`,
  );
  console.log(
    `load average       ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} after`,
  );
  await post(`/survey/campaigns/${campaign.id}/close`, { version: campaign.version + 1 });
} finally {
  await baselineDb.dropDatabase().catch(() => undefined);
  await baselineDb.close();
  await deleteUser(admin).catch(() => undefined);
  await deleteTestClient(client).catch(() => undefined);
  await stopApps(apps);
}
