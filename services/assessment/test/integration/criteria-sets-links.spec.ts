/**
 * Two criteria-set rules through the gateway with real Keycloak tokens: a linked leaf must name
 * a criterion that a set of its index has in the same year, and a save can clear a description.
 */
import { randomUUID } from 'node:crypto';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import { callApi as call } from '../../../../test/support/api';

const suffix = randomUUID().slice(0, 6).toUpperCase();
const SOURCE = `P${suffix}`;
const LINKING = `D${suffix}`;
const GROUP = `Nhóm liên kết ${suffix}`;
const YEAR = 2031;

const manual = (code: string, maxScore: number, parentCode: string | null = null) => ({
  code,
  parentCode,
  title: `Tiêu chí ${code}`,
  maxScore,
  rule: { type: 'manual', max: maxScore, step: 25 },
});
const linked = (code: string, indexCode: string, criterionCode: string) => ({
  code,
  parentCode: '1',
  title: `Liên kết ${code}`,
  maxScore: 100,
  rule: { type: 'linked', indexCode, criterionCode },
});

describe('criteria-set links and descriptions', () => {
  let portal: Portal<'admin'> | undefined;
  let admin: string;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment'],
      users: { admin: roles.admin },
      routes: ['assessment'],
    });
    ({ admin } = portal.tokens);
    for (const code of [SOURCE, LINKING]) {
      const res = await call('/indices', {
        method: 'POST',
        token: admin,
        body: { code, name: code },
      });
      expect(res.status).toBe(201);
    }
  });

  afterAll(async () => {
    await portal?.close();
  });

  it('reports a linked leaf whose index has no set that year, or no such criterion', async () => {
    const source = await call('/criteria-sets', {
      method: 'POST',
      token: admin,
      body: {
        indexCode: SOURCE,
        year: YEAR,
        unitGroup: GROUP,
        name: 'Bộ nguồn',
        nodes: [{ code: '7', title: 'Lĩnh vực 7', maxScore: 100 }, manual('7.1', 100, '7')],
      },
    });
    expect(source.status).toBe(201);
    const nodes = [
      { code: '1', title: 'Liên kết', maxScore: 300 },
      linked('1.1', SOURCE, '7.1'),
      linked('1.2', SOURCE, '9.9'),
      linked('1.3', `Z${suffix}`, '1'),
    ];
    const created = await call('/criteria-sets', {
      method: 'POST',
      token: admin,
      body: { indexCode: LINKING, year: YEAR, unitGroup: GROUP, name: 'Bộ liên kết', nodes },
    });
    expect(created.status).toBe(201);
    expect(created.body.valid).toBe(false);
    const issues = created.body.view.issues.map(
      (i: { nodeCode: string; field: string; key: string }) => `${i.nodeCode} ${i.field} ${i.key}`,
    );
    expect(issues).toEqual([
      '1.2 rule.criterionCode criterion.rule.linkedCriterionMissing',
      '1.3 rule.indexCode criterion.rule.linkedIndexMissing',
    ]);
    const byNode = created.body.view.nodes.map((n: { issues: { message: string }[] }) =>
      n.issues.map((i) => i.message),
    );
    expect(byNode[2][0]).toBe(
      `Không bộ tiêu chí năm ${YEAR} nào của chỉ số ${SOURCE} có tiêu chí 9.9. Hãy sửa mã tiêu chí liên kết.`,
    );
    expect(byNode[3][0]).toContain(`Chỉ số Z${suffix} chưa có bộ tiêu chí năm ${YEAR}`);

    // The same link is missing in another year: the source set is of 2031 only.
    const live = await call('/criteria-sets/validation', {
      method: 'POST',
      token: admin,
      body: {
        nodes: nodes.slice(0, 2).concat(manual('1.2', 200, '1')),
        indexCode: LINKING,
        year: 2032,
      },
    });
    expect(live.status).toBe(200);
    expect(live.body.issues.map((i: { key: string }) => i.key)).toEqual([
      'criterion.rule.linkedIndexMissing',
    ]);

    const fixed = await call(`/criteria-sets/${created.body.id}`, {
      method: 'PUT',
      token: admin,
      body: {
        id: created.body.id,
        version: created.body.version,
        nodes: nodes.slice(0, 2).concat(manual('1.2', 200, '1')),
      },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ valid: true, view: { issues: [] } });
  });

  it('keeps a draft’s description when a save leaves it out, and clears it on an empty one', async () => {
    const created = await call('/criteria-sets', {
      method: 'POST',
      token: admin,
      body: {
        indexCode: SOURCE,
        year: YEAR,
        unitGroup: `${GROUP} mô tả`,
        name: 'Bộ có mô tả',
        description: 'Theo Quyết định số 1149/QĐ-BNV',
        nodes: [manual('1', 100)],
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const save = (body: Record<string, unknown>) =>
      call(`/criteria-sets/${id}`, {
        method: 'PUT',
        token: admin,
        body: { id, nodes: [manual('1', 100)], ...body },
      });

    const kept = await save({ version: created.body.version });
    expect(kept.status).toBe(200);
    expect(kept.body.description).toBe('Theo Quyết định số 1149/QĐ-BNV');

    const cleared = await save({ version: kept.body.version, description: '  ' });
    expect(cleared.status).toBe(200);
    expect(cleared.body.description).toBeNull();
    expect((await call(`/criteria-sets/${id}`, { token: admin })).body.description).toBeNull();

    const again = await save({ version: cleared.body.version, description: 'Mô tả mới' });
    expect(again.body.description).toBe('Mô tả mới');
    const nulled = await save({ version: again.body.version, description: null });
    expect(nulled.body.description).toBeNull();
  });
});
