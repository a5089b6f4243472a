/**
 * Units, a criteria set and periods for the self-assessment tests (and the later services' tests
 * built on them), made through the API as an admin and a unit's leader would.
 */
import { callApi as call } from '../../../../test/support/api';
import { eventually } from '../../../../test/support/eventually';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Wall-clock ISO time, `ms` from now. */
export const at = (ms: number) => new Date(Date.now() + ms).toISOString();

export async function createUnit(admin: string, code: string, unitGroup: string): Promise<void> {
  const res = await call('/units', {
    method: 'POST',
    token: admin,
    body: { code, name: `Sở thử nghiệm ${code}`, kind: 'department', unitGroup },
  });
  if (res.status !== 201) throw new Error(`unit ${code}: HTTP ${res.status}`);
}

/**
 * A small set of two areas: 1.1 manual (0–2 points, step 0.25, one file), 1.2 yes/no (1 point,
 * no file needed), 2.1 options (A = 1.5, B = 0.5), 2.2 ratio (bands 90 % → 1, 50 % → 0.5, no
 * explanation needed), 2.3 a survey leaf (not the unit's to fill). Total 6 points.
 */
export async function createSelfAssessmentSet(
  admin: string,
  set: { indexCode: string; year: number; unitGroup: string },
): Promise<string> {
  const index = await call('/indices', {
    method: 'POST',
    token: admin,
    body: { code: set.indexCode, name: `Chỉ số ${set.indexCode}` },
  });
  if (index.status !== 201 && index.status !== 409) throw new Error(`index: ${index.status}`);
  const res = await call('/criteria-sets', {
    method: 'POST',
    token: admin,
    body: {
      ...set,
      name: `Bộ tiêu chí tự đánh giá ${set.unitGroup}`,
      nodes: [
        { code: '1', title: 'Công tác chỉ đạo, điều hành', maxScore: 300 },
        {
          code: '1.1',
          parentCode: '1',
          title: 'Ban hành kế hoạch cải cách hành chính năm',
          maxScore: 200,
          rule: { type: 'manual', max: 200, step: 25 },
          evidence: { min: 1, max: 2 },
        },
        {
          code: '1.2',
          parentCode: '1',
          title: 'Báo cáo định kỳ đúng hạn',
          maxScore: 100,
          rule: { type: 'boolean', yesScore: 100 },
          evidence: { min: 0, max: 1 },
        },
        { code: '2', title: 'Thủ tục hành chính', maxScore: 300 },
        {
          code: '2.1',
          parentCode: '2',
          title: 'Công khai thủ tục hành chính',
          maxScore: 150,
          rule: {
            type: 'options',
            options: [
              { key: 'A', label: 'Đầy đủ, đúng hạn', score: 150 },
              { key: 'B', label: 'Chưa đầy đủ', score: 50 },
            ],
          },
          evidence: { min: 0, max: 1 },
        },
        {
          code: '2.2',
          parentCode: '2',
          title: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
          maxScore: 100,
          rule: {
            type: 'ratio',
            numeratorLabel: 'Hồ sơ đúng hạn',
            denominatorLabel: 'Tổng số hồ sơ',
            scale: {
              kind: 'bands',
              bands: [
                { minPercent: 9000, score: 100 },
                { minPercent: 5000, score: 50 },
              ],
            },
          },
          evidence: { min: 0, max: 1 },
          explanationRequired: false,
        },
        {
          code: '2.3',
          parentCode: '2',
          title: 'Mức độ hài lòng của người dân',
          maxScore: 50,
          rule: { type: 'survey', source: 'SIPAS' },
          evidence: { min: 0, max: 0 },
        },
      ],
    },
  });
  if (res.status !== 201) throw new Error(`set: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Phases with set-up ending `setupEndsIn` ms from now, then `selfDays` of self-assessment, then a day each. */
export function phasesFrom(setupEndsIn: number, selfMs = DAY) {
  const names = [
    'selfAssessment',
    'appraisalRound1',
    'clarification',
    'appraisalRound2',
    'consolidation',
    'published',
  ];
  const phases = [{ phase: 'setup', startsAt: at(setupEndsIn - DAY), endsAt: at(setupEndsIn) }];
  let start = setupEndsIn;
  for (const phase of names) {
    const length = phase === 'selfAssessment' ? selfMs : DAY;
    phases.push({
      phase,
      startsAt: at(start),
      endsAt: phase === 'published' ? (null as unknown as string) : at(start + length),
    });
    start += length;
  }
  return phases;
}

export async function createPeriod(
  admin: string,
  body: Record<string, unknown>,
): Promise<{ id: string; version: number }> {
  const res = await call('/periods', { method: 'POST', token: admin, body });
  if (res.status !== 201) throw new Error(`period: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Waits for the scheduler (or the admin's move) to bring the period to `phase`. */
export async function phaseReached(admin: string, id: string, phase: string): Promise<void> {
  await eventually(
    async () => (await call(`/periods/${id}`, { token: admin })).body.currentPhase === phase,
    20_000,
    `period ${id} in ${phase}`,
  );
}

/**
 * The group's `createSelfAssessmentSet` and a period of it (set-up ended an hour ago, two days of
 * self-assessment), opened by the scheduler: waits until the period is in self-assessment.
 */
export async function openSelfAssessmentPeriod(
  admin: string,
  period: { indexCode: string; unitGroup: string; name: string; unitCodes?: string[] },
): Promise<{ setId: string; periodId: string }> {
  const { indexCode, unitGroup } = period;
  const setId = await createSelfAssessmentSet(admin, { indexCode, year: 2026, unitGroup });
  const { id: periodId } = await createPeriod(admin, {
    indexCode,
    year: 2026,
    name: period.name,
    criteriaSets: [{ unitGroup, criteriaSetId: setId }],
    ...(period.unitCodes ? { unitCodes: period.unitCodes } : {}),
    phases: phasesFrom(-HOUR, 2 * DAY),
  });
  await phaseReached(admin, periodId, 'selfAssessment');
  return { setId, periodId };
}

/** Moves the period on one phase as the admin, at its current version, and waits until it is in `to`. */
export async function advancePeriod(admin: string, periodId: string, to: string): Promise<void> {
  const period = await call(`/periods/${periodId}`, { token: admin });
  const res = await call(`/periods/${periodId}/advance`, {
    method: 'POST',
    token: admin,
    body: { version: period.body.version },
  });
  if (res.status !== 200) throw new Error(`advance: ${res.status} ${JSON.stringify(res.body)}`);
  await phaseReached(admin, periodId, to);
}

/**
 * The unit's leader (`leader`, their token) fills every leaf of `createSelfAssessmentSet` and
 * submits: self-scores by hand 1.5, 1, 1.5, 1 = 5 points (1.1 also says why a file may be missing).
 */
export async function fillAndSubmit(leader: string, periodId: string): Promise<void> {
  const path = `/self-assessment/periods/${periodId}`;
  const bodies: Record<string, object> = {
    '1.1': {
      inputs: { value: 150 },
      explanation: 'Đã ban hành kế hoạch',
      missingEvidenceExplanation: 'Văn bản nộp bản giấy',
    },
    '1.2': { inputs: { yes: true }, explanation: 'Báo cáo đủ 4 quý' },
    '2.1': { inputs: { optionKey: 'A' }, explanation: 'Công khai đầy đủ' },
    '2.2': { inputs: { numerator: 95, denominator: 100 } },
  };
  for (const [code, body] of Object.entries(bodies)) {
    const res = await call(`${path}/entries/${code}`, {
      method: 'PUT',
      token: leader,
      body: { version: 0, ...body },
    });
    if (res.status !== 200)
      throw new Error(`entry ${code}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const res = await call(`${path}/submit`, {
    method: 'POST',
    token: leader,
    body: { version: 0 },
  });
  if (res.status !== 200) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
}
