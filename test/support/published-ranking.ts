/**
 * A period of `createSelfAssessmentSet` (6 points: area 1 of 3, area 2 of 3 with the survey
 * leaf 2.3 of 0.5) published through the admin's API with survey results only: nobody submits,
 * every blocker is counted 0 (or the unit excluded), consolidated again, then published. A unit's
 * index is thus its survey score ÷ 6 — easy to work out by hand.
 */
import {
  DAY,
  HOUR,
  createPeriod,
  createSelfAssessmentSet,
  phasesFrom,
} from '../../services/assessment/test/integration/self-assessment-support';
import { callApi as call } from './api';
import { eventually } from './eventually';

const ranking = (periodId: string) => `/ranking/periods/${periodId}`;

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
    ...Object.entries(scores).map(([u, s]) => `${u},2.3,"${s}"`),
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

/** A period of the group's own set (one per index, year and group), not yet consolidated. */
export async function createSurveyOnlyPeriod(
  admin: string,
  period: { indexCode: string; year: number; unitGroup: string; name: string },
): Promise<string> {
  const { indexCode, year, unitGroup, name } = period;
  const setId = await createSelfAssessmentSet(admin, { indexCode, year, unitGroup });
  const { id } = await createPeriod(admin, {
    indexCode,
    year,
    name,
    criteriaSets: [{ unitGroup, criteriaSetId: setId }],
    // Set-up ended an hour ago: the period runs, so its results may be consolidated.
    phases: phasesFrom(-HOUR, 2 * DAY),
  });
  await eventually(
    async () => (await call(`${ranking(id)}/publications`, { token: admin })).status === 200,
    30_000,
    'the gateway routing to the ranking service',
  );
  return id;
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
