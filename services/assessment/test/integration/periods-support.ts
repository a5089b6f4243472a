/** Criteria sets for the period tests, made through the criteria-set actions as an admin would. */
import { callApi as call } from '../../../../test/support/api';
import { twoLeafSet } from '../../../../test/support/open-period';

/**
 * Creates a small valid set (one area, two leaves of 1.5 points) of the index, year and group,
 * creating the index first if it is missing, and returns the set's id.
 */
export async function createCriteriaSetForTest(
  adminToken: string,
  set: { indexCode: string; year: number; unitGroup: string },
): Promise<string> {
  const index = await call('/indices', {
    method: 'POST',
    token: adminToken,
    body: { code: set.indexCode, name: `Chỉ số ${set.indexCode}` },
  });
  if (index.status !== 201 && index.status !== 409) {
    throw new Error(`index ${set.indexCode}: HTTP ${index.status} ${JSON.stringify(index.body)}`);
  }
  const res = await call('/criteria-sets', {
    method: 'POST',
    token: adminToken,
    body: {
      ...set,
      name: `Bộ tiêu chí ${set.unitGroup} ${set.year}`,
      nodes: twoLeafSet,
    },
  });
  if (res.status !== 201) {
    throw new Error(`criteria set: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.id as string;
}
