/**
 * The afternoon's safeguards, through the gateway on the local stack: a period opening to its
 * units gets their entries' collections made before any save (not by each first save), and a
 * node holding more saves than its bound (here 1 running, none waiting) answers the others 503
 * at once with a message that names the criterion, writes nothing of them, and takes each one
 * when the page tries again.
 */
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import { callApi as call } from '../../../../test/support/api';
import { eventually } from '../../../../test/support/eventually';
import { entryCollectionName } from '../../src/models/entry.model';
import {
  DAY,
  HOUR,
  createPeriod,
  createSelfAssessmentSet,
  createUnit,
  phaseReached,
  phasesFrom,
} from './self-assessment-support';

const suffix = randomUUID().slice(0, 6).toUpperCase();
const GROUP = `OV${suffix}`;
const A = `OV${suffix}`;
/** The leaves of the test set the unit fills (2.3 is a survey leaf). */
const CODES = ['1.1', '1.2', '2.1', '2.2'];
const ROUNDS = 20;

describe('the afternoon’s safeguards', () => {
  let portal: Portal<'admin' | 'officer'> | undefined;
  let admin: string;
  let officer: string;
  let periodId: string;
  const saved = new Map<string, { version: number; explanation: string }>();
  const before = { ...process.env };

  const save = (code: string, version: number, explanation: string) =>
    call(`/self-assessment/periods/${periodId}/entries/${encodeURIComponent(code)}`, {
      method: 'PUT',
      token: officer,
      body: { version, inputs: {}, explanation, missingEvidenceExplanation: '' },
    });

  beforeAll(async () => {
    // The apps inherit the environment: one save at a time on the node, none waiting.
    Object.assign(process.env, { PAR_SAVES_CONCURRENCY: '1', PAR_SAVES_QUEUE: '0' });
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment'],
      users: { admin: roles.admin, officer: { roles: ['data-entry'], unit: A } },
      routes: ['accounts', 'assessment'],
    });
    ({ admin, officer } = portal.tokens);
    await createUnit(admin, A, GROUP);
    const setId = await createSelfAssessmentSet(admin, {
      indexCode: 'PAR',
      year: 2026,
      unitGroup: GROUP,
    });
    const period = await createPeriod(admin, {
      indexCode: 'PAR',
      year: 2026,
      name: `Buổi chiều ${suffix}`,
      criteriaSets: [{ unitGroup: GROUP, criteriaSetId: setId }],
      phases: phasesFrom(-HOUR, 2 * DAY),
    });
    periodId = period.id;
    await phaseReached(admin, periodId, 'selfAssessment');
  });

  afterAll(async () => {
    process.env = before;
    await portal?.close();
  });

  it('makes the unit’s entry collections when the period opens, before any save', async () => {
    const db = await mongoose
      .createConnection(process.env.PAR_MONGO_URL!, { dbName: 'assessment' })
      .asPromise();
    try {
      const wanted = ['1', '2'].map((area) => entryCollectionName('unitArea', periodId, A, area));
      await eventually(
        async () => {
          const names = new Set((await db.listCollections()).map((c) => c.name));
          return wanted.every((name) => names.has(name));
        },
        60_000,
        'the entry collections of the unit',
      );
      for (const name of wanted) expect(await db.collection(name).countDocuments()).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('answers saves beyond its bound 503 naming the criterion, writes none of them, takes them on retry', async () => {
    const refused: Array<{ code: string; explanation: string }> = [];
    // Four saves at once, until one finds the node's one place taken (the first round, mostly).
    for (let round = 0; round < ROUNDS && refused.length === 0; round++) {
      const answers = await Promise.all(
        CODES.map(async (code) => {
          const explanation = `Vòng ${round}, tiêu chí ${code}`;
          const version = saved.get(code)?.version ?? 0;
          return { code, explanation, res: await save(code, version, explanation) };
        }),
      );
      for (const { code, explanation, res } of answers) {
        if (res.status === 200) {
          expect(res.body.version).toBe((saved.get(code)?.version ?? 0) + 1);
          saved.set(code, { version: res.body.version, explanation });
          continue;
        }
        expect([res.status, res.body.error.code]).toEqual([503, 'E_UNAVAILABLE']);
        expect(res.body.error.message).toBe(
          `Máy chủ đang nhận quá nhiều lượt lưu cùng lúc nên tiêu chí ${code} chưa được lưu. ` +
            'Trang sẽ tự lưu lại sau vài giây; đừng đóng trang trước khi thấy «Đã lưu».',
        );
        refused.push({ code, explanation });
      }
    }
    expect(refused.length).toBeGreaterThan(0);

    // Nothing of a refused save was written: each entry is as its last accepted save left it.
    const page = await call(`/self-assessment/periods/${periodId}`, { token: officer });
    const entries = new Map<string, { version: number; explanation: string }>(
      page.body.entries.map(
        (e: { criterionCode: string; version: number; explanation: string }) => [
          e.criterionCode,
          { version: e.version, explanation: e.explanation },
        ],
      ),
    );
    for (const code of CODES) expect(entries.get(code)).toEqual(saved.get(code));

    // The page's retry, one at a time, lands every refused save.
    for (const { code, explanation } of refused) {
      const version = saved.get(code)?.version ?? 0;
      const res = await save(code, version, explanation);
      expect([res.status, res.body.version]).toEqual([200, version + 1]);
      saved.set(code, { version: version + 1, explanation });
    }
  });
});
