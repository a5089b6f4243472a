/**
 * A linked leaf shows its source (issue 10): the criterion it names, in the same unit's period
 * of the other index and the same year, with the unit's score there scaled to this leaf's
 * maximum — through the gateway with real Keycloak tokens, the assessment service on NATS and
 * the local database.
 */
import { randomUUID } from 'node:crypto';
import type { CriterionNodeInput } from '@par/contracts';
import { callApi as call } from '../../../../test/support/api';
import { openPeriod, twoLeafSet } from '../../../../test/support/open-period';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';

const suffix = randomUUID().slice(0, 6).toUpperCase();
const GROUP = `LK${suffix}`;
const UNIT = `L${suffix}`;
// A unit that joined after the PAR period was made: it has no PAR period that year.
const LATECOMER = `M${suffix}`;
const YEAR = 2031;
const SOURCE_INDEX = `P${suffix}`;
const INDEX = `D${suffix}`;

/** The DTI-like set: A.1 takes PAR's 1.1 (out of 1,50) onto 2,00; A.2 the unit scores itself. */
const linkedSet: CriterionNodeInput[] = [
  { code: 'A', title: 'Hạ tầng số', maxScore: 300 },
  {
    code: 'A.1',
    parentCode: 'A',
    title: 'Kế hoạch chuyển đổi số (lấy từ Chỉ số CCHC)',
    maxScore: 200,
    rule: { type: 'linked', indexCode: SOURCE_INDEX, criterionCode: '1.1' },
  },
  {
    code: 'A.2',
    parentCode: 'A',
    title: 'Tỷ lệ hồ sơ trực tuyến',
    maxScore: 100,
    rule: { type: 'manual', max: 100, step: 25 },
  },
];

describe("a linked leaf's source on the self-assessment page", () => {
  let portal: Portal<'admin' | 'officer' | 'latecomer'> | undefined;
  let admin: string;
  let officer: string;
  let sourcePeriodId: string;
  let periodId: string;

  const linkedOf = async (token: string) => {
    const res = await call(`/self-assessment/periods/${periodId}`, { token });
    expect(res.status).toBe(200);
    return res.body.linkedSources as unknown[];
  };

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment'],
      users: {
        admin: roles.admin,
        officer: { roles: ['data-entry'], unit: UNIT },
        latecomer: { roles: ['data-entry'], unit: LATECOMER },
      },
      routes: ['accounts', 'assessment'],
    });
    ({ admin, officer } = portal.tokens);
    ({ periodId: sourcePeriodId } = await openPeriod({
      token: admin,
      unitGroup: GROUP,
      units: [UNIT],
      indexCode: SOURCE_INDEX,
      year: YEAR,
      name: `Chỉ số CCHC ${suffix}`,
      nodes: twoLeafSet,
    }));
    const latecomer = await call('/units', {
      method: 'POST',
      token: admin,
      body: { code: LATECOMER, name: `Sở Thử ${LATECOMER}`, kind: 'department', unitGroup: GROUP },
    });
    expect(latecomer.status).toBe(201);
    // No unit codes: every unit of the group, the latecomer too.
    ({ periodId } = await openPeriod({
      token: admin,
      unitGroup: GROUP,
      indexCode: INDEX,
      year: YEAR,
      name: `Chỉ số chuyển đổi số ${suffix}`,
      nodes: linkedSet,
    }));
  });

  afterAll(async () => {
    await portal?.close();
  });

  it('names the source period and says the criterion is not scored there yet', async () => {
    expect(await linkedOf(officer)).toEqual([
      {
        criterionCode: 'A.1',
        indexCode: SOURCE_INDEX,
        sourceCode: '1.1',
        period: {
          id: sourcePeriodId,
          name: `Chỉ số CCHC ${suffix}`,
          year: YEAR,
          currentPhase: 'selfAssessment',
        },
        sourceMax: 150,
        sourceScore: null,
        score: null,
      },
    ]);
  });

  it("shows the unit's score there, scaled from 1,50 to 2,00", async () => {
    const saved = await call(`/self-assessment/periods/${sourcePeriodId}/entries/1.1`, {
      method: 'PUT',
      token: officer,
      body: { version: 0, inputs: { value: 125 }, explanation: 'Kế hoạch số 7/KH-UBND' },
    });
    expect(saved.status).toBe(200);
    // 1,25 of 1,50 onto 2,00: 2 × 125 ÷ 150 = 1,666… → 1,67.
    expect(await linkedOf(officer)).toEqual([
      expect.objectContaining({ sourceMax: 150, sourceScore: 125, score: 167 }),
    ]);
  });

  it('has no source period for a unit the other index does not assess that year', async () => {
    expect(await linkedOf(portal!.tokens.latecomer)).toEqual([
      expect.objectContaining({
        criterionCode: 'A.1',
        period: null,
        sourceMax: null,
        sourceScore: null,
        score: null,
      }),
    ]);
  });
});
