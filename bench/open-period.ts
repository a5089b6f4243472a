/**
 * What a browser benchmark of the self-assessment page needs first: a unit of its own, a criteria
 * set of `areas` × `leavesPerArea` manual leaves, and a period in its self-assessment phase for
 * that unit — made through the gateway by an admin with a real token, by the tests' own
 * `openPeriod` (test/support/open-period.ts). The officer the benchmark then creates for `unit`
 * finds the period open.
 */
import { randomUUID } from 'node:crypto';
import type { CriterionNodeInput } from '@par/contracts';
import { callApi } from '../test/support/api.ts';
import {
  createTestClient,
  createUser,
  deleteTestClient,
  deleteUser,
  tokenFor,
} from '../test/support/keycloak.ts';
import { openPeriod as openTestPeriod } from '../test/support/open-period.ts';

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
  /** Names the period (Vietnamese, shown on the page). */
  label: string;
}): Promise<OpenPeriod> {
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const unitGroup = `BSA${suffix}`;
  const unit = `BT${suffix}`;
  const nodes: CriterionNodeInput[] = Array.from({ length: areas }, (_, a) => [
    { code: `${a + 1}`, title: `Lĩnh vực ${a + 1}`, maxScore: leavesPerArea * 100 },
    ...Array.from({ length: leavesPerArea }, (_, l) => ({
      code: `${a + 1}.${l + 1}`,
      parentCode: `${a + 1}`,
      title: `Tiêu chí thành phần ${a + 1}.${l + 1}`,
      guidanceForUnits: 'Chấm theo kết quả thực hiện trong năm.',
      maxScore: 100,
      rule: { type: 'manual' as const, max: 100, step: 25 },
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
    // The services may still be starting: wait until the gateway answers an admin's call.
    for (let i = 0; ; i++) {
      const res = await callApi('/indices', {
        method: 'POST',
        token,
        body: { code: 'PAR', name: 'Chỉ số PAR' },
      });
      if (res.status === 201 || res.status === 409) break;
      if (i === 30) throw new Error(`index: HTTP ${res.status} ${JSON.stringify(res.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const period = await openTestPeriod({
      token,
      unitGroup,
      units: [unit],
      name: `${label} ${suffix}`,
      nodes,
    });
    return { unit, periodId: period.periodId, cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
