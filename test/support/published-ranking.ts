/**
 * A period of `surveyOnlySet` (6 points: area 1 of 3, area 2 of 3 with the survey leaf 2.3 of
 * 0.5) published through the admin's API with survey results only: nobody submits,
 * every blocker is counted 0 (or the unit excluded), consolidated again, then published. A unit's
 * index is thus its survey score ÷ 6 — easy to work out by hand.
 */
import type { CriterionNodeInput } from '@par/contracts';
import { callApi as call } from './api.ts';
import { eventually } from './eventually.ts';
import { openPeriod } from './open-period.ts';

const ranking = (periodId: string) => `/ranking/periods/${periodId}`;

/** 6 points: area 1 (1.1 of 3) and area 2 (2.1 of 2.5, the survey leaf 2.3 of 0.5). */
export const surveyOnlySet: CriterionNodeInput[] = [
  { code: '1', title: 'Công tác chỉ đạo, điều hành', maxScore: 300 },
  {
    code: '1.1',
    parentCode: '1',
    title: 'Ban hành kế hoạch cải cách hành chính năm',
    maxScore: 300,
    rule: { type: 'manual', max: 300, step: 25 },
    evidence: { min: 0, max: 1 },
  },
  { code: '2', title: 'Thủ tục hành chính', maxScore: 300 },
  {
    code: '2.1',
    parentCode: '2',
    title: 'Công khai thủ tục hành chính',
    maxScore: 250,
    rule: { type: 'manual', max: 250, step: 25 },
    evidence: { min: 0, max: 1 },
  },
  {
    code: '2.3',
    parentCode: '2',
    title: 'Mức độ hài lòng của người dân',
    maxScore: 50,
    rule: { type: 'survey', source: 'SIPAS' },
    evidence: { min: 0, max: 0 },
  },
];

async function expectStatus(what: string, res: { status: number; body: unknown }, status: number) {
  if (res.status !== status)
    throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
}

/** Survey results as the import reads them: unit code → score written the Vietnamese way ("0,5"). */
export async function importSurveyScores(
  admin: string,
  periodId: string,
  scores: Record<string, string>,
): Promise<void> {
  const lines = [
    'Mã đơn vị,Mã tiêu chí,Điểm',
    ...Object.entries(scores).map(([unit, score]) => `${unit},2.3,"${score}"`),
  ];
  const res = await call(`${ranking(periodId)}/survey-results/import`, {
    method: 'POST',
    token: admin,
    body: {
      fileName: 'sipas.csv',
      contentBase64: Buffer.from(`${lines.join('\r\n')}\r\n`).toString('base64'),
    },
  });
  await expectStatus('survey import', res, 200);
}

/**
 * A period of `surveyOnlySet` for the group (its units made first when `units` are given), in
 * self-assessment, not yet consolidated.
 */
export async function createSurveyOnlyPeriod(
  admin: string,
  period: { indexCode: string; year: number; unitGroup: string; name: string; units?: string[] },
): Promise<string> {
  const { periodId } = await openPeriod({ token: admin, nodes: surveyOnlySet, ...period });
  await eventually(
    async () => (await call(`${ranking(periodId)}/publications`, { token: admin })).status === 200,
    30_000,
    'the gateway routing to the ranking service',
  );
  return periodId;
}

/**
 * Consolidates, decides every blocker (0 points, or excluding the units listed), consolidates
 * again and publishes; a republication needs `reason`. Returns the publication's number.
 */
export async function consolidateAndPublish(
  admin: string,
  periodId: string,
  options: { exclude?: readonly string[]; previousPeriodId?: string; reason?: string } = {},
): Promise<number> {
  const consolidate = async () => {
    const res = await call(`${ranking(periodId)}/consolidations`, {
      method: 'POST',
      token: admin,
      body: options.previousPeriodId ? { previousPeriodId: options.previousPeriodId } : {},
    });
    await expectStatus('consolidation', res, 201);
    return res.body as {
      version: number;
      blockers: Array<{ unitCode: string; kind: string; decision: unknown }>;
    };
  };
  const first = await consolidate();
  let version = (await call(`${ranking(periodId)}/blocker-decisions`, { token: admin })).body
    .version as number;
  const excluded = new Set<string>();
  for (const blocker of first.blockers.filter((b) => b.decision === null)) {
    const exclude = options.exclude?.includes(blocker.unitCode) ?? false;
    if (exclude && excluded.has(blocker.unitCode)) continue;
    const res = await call(
      `${ranking(periodId)}/blocker-decisions/${blocker.unitCode}/${blocker.kind}`,
      {
        method: 'PUT',
        token: admin,
        body: {
          decision: exclude ? 'exclude' : 'zero',
          reason: exclude ? 'Đơn vị sáp nhập giữa năm' : 'Đơn vị không nộp hồ sơ đúng hạn',
          version,
        },
      },
    );
    await expectStatus('decision', res, 200);
    version = res.body.version;
    if (exclude) excluded.add(blocker.unitCode);
  }
  const draft = await consolidate();
  const res = await call(`${ranking(periodId)}/publications`, {
    method: 'POST',
    token: admin,
    body: { consolidationVersion: draft.version, reason: options.reason ?? '' },
  });
  await expectStatus('publication', res, 201);
  return res.body.number as number;
}
