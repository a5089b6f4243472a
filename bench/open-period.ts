/**
 * What a browser benchmark of the self-assessment page needs first: a unit of its own, a criteria
 * set of `areas` × `leavesPerArea` manual leaves, and a period in its self-assessment phase for
 * that unit — made through the gateway by an admin with a real token, as the admin pages would.
 * The officer the benchmark then creates for `unit` finds the period open.
 */
import { randomUUID } from 'node:crypto';
import { callApi as call } from '../test/support/api.ts';
import {
  createTestClient,
  createUser,
  deleteTestClient,
  deleteUser,
  tokenFor,
} from '../test/support/keycloak.ts';

const HOUR = 3_600_000;
const phases = [
  'setup',
  'selfAssessment',
  'appraisalRound1',
  'clarification',
  'appraisalRound2',
  'consolidation',
  'published',
];

export interface OpenPeriod {
  unit: string;
  periodId: string;
  /** Removes the admin and the test client the set-up used (the data stays, under fresh codes). */
  cleanUp: () => Promise<void>;
}

export async function openPeriod({
  areas,
  leavesPerArea,
  label,
}: {
  areas: number;
  leavesPerArea: number;
  /** Names the unit, set and period (Vietnamese, shown on the page). */
  label: string;
}): Promise<OpenPeriod> {
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const group = `BSA${suffix}`;
  const unit = `BT${suffix}`;
  const year = new Date().getFullYear();
  const nodes = Array.from({ length: areas }, (_, a) => [
    { code: `${a + 1}`, title: `Lĩnh vực ${a + 1}`, maxScore: leavesPerArea * 100 },
    ...Array.from({ length: leavesPerArea }, (_, l) => ({
      code: `${a + 1}.${l + 1}`,
      parentCode: `${a + 1}`,
      title: `Tiêu chí thành phần ${a + 1}.${l + 1}`,
      guidanceForUnits: 'Chấm theo kết quả thực hiện trong năm.',
      maxScore: 100,
      rule: { type: 'manual', max: 100, step: 25 },
    })),
  ]).flat();

  const client = await createTestClient();
  const admin = await createUser({ roles: ['admin'], unit: 'SNV' });
  const cleanUp = async () => {
    await Promise.allSettled([deleteUser(admin)]);
    await deleteTestClient(client);
  };
  try {
    const token = await tokenFor(admin, client);
    const must = (what: string, res: { status: number; body: unknown }, status: number) => {
      if (res.status !== status)
        throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string; version: number };
    };
    // The accounts service may still be starting: the first call is retried for a while.
    for (let i = 0; ; i++) {
      const res = await call('/units', {
        method: 'POST',
        token,
        body: { code: unit, name: `Sở ${label} ${unit}`, kind: 'department', unitGroup: group },
      });
      if (res.status === 201) break;
      if (i === 30) must('unit', res, 201);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    await call('/indices', { method: 'POST', token, body: { code: 'PAR', name: 'Chỉ số PAR' } });
    const set = must(
      'criteria set',
      await call('/criteria-sets', {
        method: 'POST',
        token,
        body: { indexCode: 'PAR', year, unitGroup: group, name: `Bộ ${label} ${group}`, nodes },
      }),
      201,
    );
    const period = must(
      'period',
      await call('/periods', {
        method: 'POST',
        token,
        body: {
          indexCode: 'PAR',
          year,
          name: `${label} ${suffix}`,
          criteriaSets: [{ unitGroup: group, criteriaSetId: set.id }],
          unitCodes: [unit],
          // The self-assessment phase began an hour ago; setup → selfAssessment by `advance`.
          phases: phases.map((phase, i) => ({
            phase,
            startsAt: new Date(Date.now() + (i * 24 - 1) * HOUR).toISOString(),
            endsAt:
              phase === 'published'
                ? null
                : new Date(Date.now() + ((i + 1) * 24 - 1) * HOUR).toISOString(),
          })),
        },
      }),
      201,
    );
    must(
      'advance',
      await call(`/periods/${period.id}/advance`, {
        method: 'POST',
        token,
        body: { version: period.version },
      }),
      200,
    );
    return { unit, periodId: period.id, cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
