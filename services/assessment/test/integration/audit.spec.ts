/**
 * The assessment audit trail through the gateway with real Keycloak tokens: every criteria-set
 * change is recorded with who made it, what it was before and after (a save keeps only the nodes
 * it touched), a period's trail includes the sets it froze, and only admins may read it.
 */
import { randomUUID } from 'node:crypto';
import { assessmentAuditActions, type AssessmentAuditEntry } from '@par/contracts';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import { eventually } from '../../../../test/support/eventually';
import { type TestUser } from '../../../../test/support/keycloak';
import { callApi as call } from '../../../../test/support/api';
import { createCriteriaSetForTest } from './periods-support';

const suffix = randomUUID().slice(0, 6).toUpperCase();
const INDEX = `A${suffix}`;
const GROUP = `Nhóm nhật ký ${suffix}`;
const DAY = 24 * 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

const leaf = (code: string, title: string, maxScore: number, parentCode: string | null = '1') => ({
  code,
  parentCode,
  title,
  maxScore,
  rule: { type: 'manual', max: maxScore, step: 25 },
});

describe('assessment audit trail', () => {
  let portal: Portal<'admin' | 'officer' | 'appraiser'> | undefined;
  let adminUser: TestUser;
  let admin: string;
  let officer: string;
  let appraiser: string;

  const trail = async (query: string) => {
    const res = await call(`/assessment-audit?${query}`, { token: admin });
    expect(res.status).toBe(200);
    return res.body as { items: AssessmentAuditEntry[]; total: number };
  };

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment'],
      users: { admin: roles.admin, officer: roles.officer, appraiser: roles.appraiser },
      routes: ['accounts', 'assessment'],
    });
    adminUser = portal.users.admin;
    ({ admin, officer, appraiser } = portal.tokens);
  });

  afterAll(async () => {
    await portal?.close();
  });

  it('records who created, saved and deleted a set, and of a save only the nodes it touched', async () => {
    const index = await call('/indices', {
      method: 'POST',
      token: admin,
      body: { code: INDEX, name: 'Chỉ số nhật ký' },
    });
    expect(index.status).toBe(201);
    const indexTrail = await call(`/assessment-audit?limit=200`, { token: admin });
    expect(
      indexTrail.body.items.find((e: AssessmentAuditEntry) => e.target === `index:${INDEX}`),
    ).toMatchObject({
      action: 'index.created',
      actor: { id: adminUser.id, username: adminUser.username },
      before: null,
      after: { code: INDEX, name: 'Chỉ số nhật ký' },
    });

    const created = await call('/criteria-sets', {
      method: 'POST',
      token: admin,
      body: {
        indexCode: INDEX,
        year: 2026,
        unitGroup: GROUP,
        name: 'Bộ nhật ký',
        nodes: [
          { code: '1', title: 'Lĩnh vực', maxScore: 300 },
          leaf('1.1', 'Kế hoạch', 150),
          leaf('1.2', 'Báo cáo', 150),
        ],
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const saved = await call(`/criteria-sets/${id}`, {
      method: 'PUT',
      token: admin,
      body: {
        id,
        version: created.body.version,
        nodes: [
          { code: '1', title: 'Lĩnh vực', maxScore: 450 },
          leaf('1.1', 'Kế hoạch', 150),
          leaf('1.2', 'Báo cáo định kỳ', 150),
          leaf('1.3', 'Kiểm tra', 150),
        ],
      },
    });
    expect(saved.status).toBe(200);
    const deleted = await call(`/criteria-sets/${id}?version=${saved.body.version}`, {
      method: 'DELETE',
      token: admin,
    });
    expect(deleted.status).toBe(200);

    const { items, total } = await trail(`criteriaSetId=${id}`);
    expect(total).toBe(3);
    expect(items.map((e) => e.action)).toEqual([
      'criteriaSet.deleted',
      'criteriaSet.saved',
      'criteriaSet.created',
    ]);
    for (const entry of items) {
      expect(entry.actor).toEqual({ id: adminUser.id, username: adminUser.username });
      expect(entry.target).toBe(`criteriaSet:${id}`);
    }
    const [gone, save, made] = items as [
      AssessmentAuditEntry,
      AssessmentAuditEntry,
      AssessmentAuditEntry,
    ];
    expect(made.before).toBeNull();
    expect(made.after).toMatchObject({
      origin: { kind: 'empty' },
      name: 'Bộ nhật ký',
      totalMax: 300,
      leafCount: 2,
      version: 1,
    });
    expect(made.after).not.toHaveProperty('nodes');

    expect(save.before).toMatchObject({ version: 1, totalMax: 300, leafCount: 2 });
    expect(save.after).toMatchObject({
      version: 2,
      totalMax: 450,
      leafCount: 3,
      origin: { kind: 'editor' },
      changes: {
        added: ['1.3'],
        removed: [],
        changed: [
          { code: '1', fields: ['maxScore'] },
          { code: '1.2', fields: ['title'] },
        ],
      },
    });
    const codes = (side: Record<string, unknown> | null) =>
      (side!.nodes as { code: string; title: string }[]).map((n) => `${n.code} ${n.title}`);
    // The unchanged 1.1 is in neither side: the tree is not copied.
    expect(codes(save.before)).toEqual(['1 Lĩnh vực', '1.2 Báo cáo']);
    expect(codes(save.after)).toEqual(['1.3 Kiểm tra', '1 Lĩnh vực', '1.2 Báo cáo định kỳ']);

    expect(gone.before).toMatchObject({ version: 2, status: 'draft', leafCount: 3 });
    expect(gone.after).toBeNull();

    const page = await trail(`criteriaSetId=${id}&limit=1&offset=1`);
    expect(page.total).toBe(3);
    expect(page.items.map((e) => e.action)).toEqual(['criteriaSet.saved']);
  });

  it('never copies a template’s whole tree into a save, and names how each set was made', async () => {
    const fromTemplate = await call('/criteria-set-templates/par-so-nganh/sets', {
      method: 'POST',
      token: admin,
      body: { key: 'par-so-nganh', year: 2026, unitGroup: GROUP },
    });
    expect(fromTemplate.status).toBe(201);
    const set = fromTemplate.body as {
      id: string;
      version: number;
      nodes: { code: string; title: string }[];
    };
    expect(set.nodes.length).toBeGreaterThan(50);
    const nodes = set.nodes.map((n, i) => (i === 5 ? { ...n, title: `${n.title} (sửa)` } : n));
    const saved = await call(`/criteria-sets/${set.id}`, {
      method: 'PUT',
      token: admin,
      body: { id: set.id, version: set.version, nodes },
    });
    expect(saved.status).toBe(200);
    const clone = await call(`/criteria-sets/${set.id}/clones`, {
      method: 'POST',
      token: admin,
      body: { id: set.id, year: 2027, unitGroup: GROUP },
    });
    expect(clone.status).toBe(201);

    const own = await trail(`criteriaSetId=${set.id}`);
    expect(own.items.map((e) => e.action)).toEqual(['criteriaSet.saved', 'criteriaSet.created']);
    const [save, made] = own.items as [AssessmentAuditEntry, AssessmentAuditEntry];
    expect(made.after).toMatchObject({ origin: { kind: 'template', templateKey: 'par-so-nganh' } });
    expect((save.before!.nodes as unknown[]).length).toBe(1);
    expect((save.after!.nodes as unknown[]).length).toBe(1);
    expect(JSON.stringify(save).length).toBeLessThan(10_000);

    const cloned = await trail(`criteriaSetId=${clone.body.id}`);
    expect(cloned.items).toHaveLength(1);
    expect(cloned.items[0]!.after).toMatchObject({
      origin: { kind: 'clone', basedOnId: set.id },
      year: 2027,
    });
  });

  it('shows in a period’s trail its creation, its start and the sets it froze, by whom', async () => {
    const unit = await call('/units', {
      method: 'POST',
      token: admin,
      body: { code: `U${suffix}`, name: `Đơn vị ${suffix}`, kind: 'department', unitGroup: GROUP },
    });
    expect(unit.status).toBe(201);
    const setId = await createCriteriaSetForTest(admin, {
      indexCode: INDEX,
      year: 2030,
      unitGroup: GROUP,
    });
    const phases = [
      'setup',
      'selfAssessment',
      'appraisalRound1',
      'clarification',
      'appraisalRound2',
      'consolidation',
      'published',
    ].map((phase, i) => ({
      phase,
      startsAt: at(i * DAY),
      endsAt: phase === 'published' ? null : at((i + 1) * DAY),
    }));
    const period = await call('/periods', {
      method: 'POST',
      token: admin,
      body: {
        indexCode: INDEX,
        year: 2030,
        name: `Đợt nhật ký ${suffix}`,
        criteriaSets: [{ unitGroup: GROUP, criteriaSetId: setId }],
        phases,
      },
    });
    expect(period.status).toBe(201);
    const advanced = await call(`/periods/${period.body.id}/advance`, {
      method: 'POST',
      token: admin,
      body: { version: period.body.version },
    });
    expect(advanced.status).toBe(200);

    await eventually(
      async () => (await trail(`periodId=${period.body.id}`)).total === 3,
      10_000,
      'the period’s sets frozen',
    );
    const { items } = await trail(`periodId=${period.body.id}`);
    expect(items.map((e) => e.action)).toEqual([
      'criteriaSet.markedInUse',
      'period.phaseChanged',
      'period.created',
    ]);
    expect(items[0]).toMatchObject({
      target: `criteriaSet:${setId}`,
      actor: { id: adminUser.id },
      before: { status: 'draft' },
      after: { status: 'inUse', periodId: period.body.id },
    });
    expect(items[1]).toMatchObject({
      actor: { id: adminUser.id },
      before: { currentPhase: 'setup' },
      after: { currentPhase: 'selfAssessment' },
    });
    const setTrail = await trail(`criteriaSetId=${setId}`);
    expect(setTrail.items.map((e) => e.action)).toEqual([
      'criteriaSet.markedInUse',
      'criteriaSet.created',
    ]);
  });

  it('refuses the trail to data-entry and appraisal accounts, and a malformed period id', async () => {
    const { path } = assessmentAuditActions.listAssessmentAudit.rest!;
    for (const token of [officer, appraiser]) {
      const res = await call(path, { token });
      expect([res.status, res.body?.error?.code]).toEqual([403, 'E_FORBIDDEN']);
    }
    expect((await call(path)).status).toBe(401);
    const bad = await call(`${path}?periodId=abc`, { token: admin });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0]).toMatchObject({ field: 'periodId' });
    expect(bad.body.error.fields[0].message).toContain('Mã đợt đánh giá không hợp lệ');
  });
});
