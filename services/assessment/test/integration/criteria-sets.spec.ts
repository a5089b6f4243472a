/**
 * Criteria sets over HTTP through the real gateway, assessment node, NATS, FerretDB and Keycloak
 * tokens: shipped templates round-trip, messy sheets are previewed and refused whole, saves are
 * optimistic, a set in use never changes, clone and diff work, and only admins may call any of it.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { criteriaSetActions } from '@par/contracts';
import {
  getCriteriaSetSummaries,
  markCriteriaSetsInUse,
} from '../../src/criteria-sets/criteria-set-store';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import { callApi as call } from '../../../../test/support/api';

const templatesDir = path.resolve(__dirname, '../../templates');
const upload = (fileName: string, content: Buffer | string) => ({
  fileName,
  contentBase64: Buffer.from(content).toString('base64'),
});

describe('criteria sets', () => {
  let portal: Portal<'admin' | 'officer' | 'appraiser'> | undefined;
  let admin: string;
  let officer: string;
  let appraiser: string;
  let db: Connection;
  // Each run works in unit groups of its own, so reruns on one database do not meet.
  const group = `Nhóm thử ${randomUUID().slice(0, 8)}`;
  const indexCode = `T${randomUUID().slice(0, 6).toUpperCase()}`;

  const newTarget = (unitGroup = group, index = indexCode) => ({
    kind: 'new' as const,
    indexCode: index,
    year: 2026,
    unitGroup,
    name: 'Bộ tiêu chí thử',
  });

  beforeAll(async () => {
    // The gateway answers only once it has the accounts service's token revocations.
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment'],
      users: { admin: roles.admin, officer: roles.officer, appraiser: roles.appraiser },
      routes: ['assessment'],
    });
    ({ admin, officer, appraiser } = portal.tokens);
    for (const [code, name] of [
      [indexCode, 'Chỉ số thử'],
      ['PAR', 'Chỉ số cải cách hành chính'],
      ['DTI', 'Chỉ số chuyển đổi số'],
    ]) {
      const res = await call('/indices', { method: 'POST', token: admin, body: { code, name } });
      expect([201, 409]).toContain(res.status);
    }
    db = await mongoose
      .createConnection(process.env.PAR_MONGO_URL!, { dbName: 'assessment' })
      .asPromise();
  });

  afterAll(async () => {
    await db?.close();
    await portal?.close();
  });

  it.each(['par-so-nganh.csv', 'par-cap-xa.csv', 'dti-so-nganh.csv'])(
    'imports the shipped template %s, finds it valid and exports it byte for byte the same',
    async (file) => {
      const content = await readFile(path.join(templatesDir, file));
      const index = file.startsWith('dti') ? 'DTI' : 'PAR';
      const imported = await call('/criteria-sets/import', {
        method: 'POST',
        token: admin,
        body: { ...upload(file, content), target: newTarget(`${group} ${file}`, index) },
      });
      expect(imported.status).toBe(201);
      expect(imported.body.view).toMatchObject({ valid: true, issues: [] });
      expect(imported.body).toMatchObject({ status: 'draft', edition: 1, valid: true });
      expect(imported.body.totalMax).toBe(index === 'DTI' ? 100_000 : 10_000);

      const exported = await call(`/criteria-sets/${imported.body.id}/export?format=csv`, {
        token: admin,
      });
      expect(exported.status).toBe(200);
      expect(Buffer.from(exported.body.contentBase64, 'base64').equals(content)).toBe(true);
    },
  );

  it('lists the templates and creates a valid draft from one, with its decimal maxima', async () => {
    const list = await call('/criteria-set-templates', { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.items.map((t: { key: string }) => t.key)).toEqual([
      'par-so-nganh',
      'par-cap-xa',
      'dti-so-nganh',
    ]);
    const made = await call('/criteria-set-templates/par-so-nganh/sets', {
      method: 'POST',
      token: admin,
      body: { year: 2026, unitGroup: `${group} mẫu` },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ indexCode: 'PAR', templateKey: 'par-so-nganh', valid: true });
    expect(made.body.nodes.find((n: { code: string }) => n.code === '1').maxScore).toBe(1450);
    expect(made.body.description).toMatch(/876\/QĐ-BNV/);
  });

  it('previews a messy sheet naming cleaned cells and bad rows, and its commit writes nothing', async () => {
    const sheet = [
      'Mã tiêu chí;Mã tiêu chí cha;Tên tiêu chí;Điểm tối đa;Cách chấm;Chi tiết cách chấm',
      '1;;"  Công tác chỉ đạo,\n điều hành ";14,5;;',
      '1.1;;Kế hoạch  năm;10;manual;bước=0,5',
      '1.2;1;Báo cáo;4,5;công thức;',
      '2.1;;Mất dòng cha;năm;boolean;',
      ';;Tổng cộng;19,5;;',
    ].join('\r\n');
    const file = upload('bo-tieu-chi-lon-xon.csv', sheet);

    const preview = await call('/criteria-sets/import/preview', {
      method: 'POST',
      token: admin,
      body: file,
    });
    expect(preview.status).toBe(200);
    // The missing parent 2 is made from its child and shown as created.
    expect(preview.body.totals).toMatchObject({ rows: 5, invalid: 2 });
    const all = preview.body.rows as Array<{
      row: number;
      created: boolean;
      values: Record<string, string | null>;
      cleaned: Array<{ field: string; changes: string[] }>;
      errors: Array<{ field: string; message: string }>;
    }>;
    expect(all.filter((r) => r.created).map((r) => [r.row, r.values.code])).toEqual([[5, '2']]);
    const rows = all.filter((r) => !r.created);
    expect(rows[0]!.cleaned).toEqual([
      expect.objectContaining({ field: 'title', changes: ['lineBreaks', 'trimmed'] }),
      expect.objectContaining({ field: 'maxScore', changes: ['decimalComma'] }),
    ]);
    expect(rows[1]!.cleaned.map((c) => c.field)).toEqual(['title', 'parentCode']);
    expect(rows.filter((r) => r.errors.length > 0).map((r) => [r.row, r.errors[0]!.field])).toEqual(
      [
        [4, 'ruleType'],
        [5, 'maxScore'],
      ],
    );
    expect(rows[3]!.errors[0]!.message).toContain('«năm»');
    expect(preview.body.totalRow).toMatchObject({ row: 6, value: 1950 });

    const commit = await call('/criteria-sets/import', {
      method: 'POST',
      token: admin,
      body: { ...file, target: newTarget(`${group} lộn xộn`) },
    });
    expect(commit.status).toBe(422);
    expect(commit.body.error.message).toMatch(/^Tệp có lỗi ở dòng 4, 5.*chưa nhập tiêu chí nào/);
    expect(commit.body.error.fields[0]).toEqual({
      field: 'rows.4.ruleType',
      message: expect.stringContaining('«công thức»'),
    });
    const list = await call(`/criteria-sets?unitGroup=${encodeURIComponent(`${group} lộn xộn`)}`, {
      token: admin,
    });
    expect(list.body.total).toBe(0);
  });

  it("imports a province's own sheet under a mapping: guessed, refused when a role is taken twice, written when confirmed", async () => {
    const sheet = [
      'BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CCHC CỦA CÁC XÃ',
      'Lĩnh vực,STT,Nội dung,Thang điểm,Điểm tự chấm,Điểm thẩm định',
      'Công tác chỉ đạo điều hành,1,Kế hoạch CCHC,2,2,1.5',
      ',2,Báo cáo CCHC,"1,5",1,1',
      'Cải cách thể chế,1,Ban hành VBQPPL,3,3,3',
      ',2,Kiểm tra VBQPPL,"0,75",0,0',
    ].join('\r\n');
    const file = upload('bo-tieu-chi-cua-tinh.csv', sheet);
    const unitGroup = `${group} của tỉnh`;

    const preview = await call('/criteria-sets/import/preview', {
      method: 'POST',
      token: admin,
      body: file,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.sheet).toMatchObject({
      headerRow: 2,
      header: ['Lĩnh vực', 'STT', 'Nội dung', 'Thang điểm', 'Điểm tự chấm', 'Điểm thẩm định'],
      guessed: ['area', 'code', 'title', 'maxScore', 'selfScore', 'appraisedScore'],
      problems: [],
      areas: [
        { name: 'Công tác chỉ đạo điều hành', code: '1', suggested: '1' },
        { name: 'Cải cách thể chế', code: '2', suggested: '2' },
      ],
      keptAside: [
        { column: 4, header: 'Điểm tự chấm', role: 'selfScore' },
        { column: 5, header: 'Điểm thẩm định', role: 'appraisedScore' },
      ],
    });
    // 2 + 1.5 + 3 + 0.75, by hand.
    expect(preview.body.view).toMatchObject({ valid: true, totalMax: 725, leafCount: 4 });
    const guessed = preview.body.sheet.guessed as Array<string | null>;

    const twice = await call('/criteria-sets/import', {
      method: 'POST',
      token: admin,
      body: {
        ...file,
        mapping: { roles: ['area', 'code', 'title', 'maxScore', 'maxScore', null] },
        target: newTarget(unitGroup),
      },
    });
    expect(twice.status).toBe(422);
    expect(twice.body.error.message).toBe(
      'Cách ghép cột chưa dùng được: Các cột cột 4 «Thang điểm», cột 5 «Điểm tự chấm» cùng được chọn là «Điểm tối đa». ' +
        'Mỗi vai trò chỉ dành cho một cột: hãy đổi hoặc bỏ qua một cột. Chưa nhập gì.',
    );

    const committed = await call('/criteria-sets/import', {
      method: 'POST',
      token: admin,
      body: {
        ...file,
        mapping: { roles: guessed, defaultRule: 'manual', areaCodes: { 'Cải cách thể chế': 'TC' } },
        target: newTarget(unitGroup),
      },
    });
    expect(committed.status).toBe(201);
    expect(committed.body).toMatchObject({ valid: true, totalMax: 725 });
    expect(
      (
        committed.body.nodes as Array<{ code: string; parentCode: string | null; maxScore: number }>
      ).map((n) => [n.code, n.parentCode, n.maxScore]),
    ).toEqual([
      ['1', null, 350],
      ['1.1', '1', 200],
      ['1.2', '1', 150],
      ['TC', null, 375],
      ['TC.1', 'TC', 300],
      ['TC.2', 'TC', 75],
    ]);
    const list = await call(`/criteria-sets?unitGroup=${encodeURIComponent(unitGroup)}`, {
      token: admin,
    });
    expect(list.body.total).toBe(1);
  });

  const smallSet = () => [
    { code: '1', title: 'Lĩnh vực', maxScore: 1450 },
    {
      code: '1.1',
      parentCode: '1',
      title: 'Kế hoạch',
      maxScore: 1000,
      rule: { type: 'manual', max: 1000, step: 25 },
    },
    {
      code: '1.2',
      parentCode: '1',
      title: 'Báo cáo',
      maxScore: 450,
      rule: { type: 'boolean', yesScore: 450 },
    },
  ];

  async function createSmallSet(unitGroup: string) {
    const res = await call('/criteria-sets', {
      method: 'POST',
      token: admin,
      body: { indexCode, year: 2026, unitGroup, name: 'Bộ nhỏ', nodes: smallSet() },
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number; nodes: Array<Record<string, unknown>> };
  }

  it('saves a draft once per version: a stale save gets 409 with the current set', async () => {
    const set = await createSmallSet(`${group} lưu`);
    const nodes = set.nodes.map((n) => (n.code === '1' ? { ...n, title: 'Lĩnh vực mới' } : n));
    const first = await call(`/criteria-sets/${set.id}`, {
      method: 'PUT',
      token: admin,
      body: { version: set.version, nodes },
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(set.version + 1);

    const stale = await call(`/criteria-sets/${set.id}`, {
      method: 'PUT',
      token: admin,
      body: { version: set.version, nodes: set.nodes },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/vừa được người khác lưu/);
    expect(stale.body.error.current).toMatchObject({ version: set.version + 1 });
    expect(stale.body.error.current.nodes[0].title).toBe('Lĩnh vực mới');
  });

  it('refuses to change a set in use, makes a new version of it, and diffs the two', async () => {
    const set = await createSmallSet(`${group} dùng`);
    await markCriteriaSetsInUse(db, [set.id]);

    const refused = await call(`/criteria-sets/${set.id}`, {
      method: 'PUT',
      token: admin,
      body: { version: set.version + 1, nodes: [] },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/không thể sửa.*Hãy tạo phiên bản mới/);
    expect(refused.body.error.current).toMatchObject({
      id: set.id,
      status: 'inUse',
      version: set.version + 1,
    });
    const deleted = await call(`/criteria-sets/${set.id}?version=${set.version + 1}`, {
      method: 'DELETE',
      token: admin,
    });
    expect(deleted.status).toBe(409);

    const next = await call(`/criteria-sets/${set.id}/versions`, { method: 'POST', token: admin });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ status: 'draft', edition: 2, basedOnId: set.id });
    const twice = await call(`/criteria-sets/${set.id}/versions`, { method: 'POST', token: admin });
    expect(twice.status).toBe(409);

    const edited = next.body.nodes.map((n: { code: string; maxScore: number }) =>
      n.code === '1' ? { ...n, maxScore: 1500 } : n,
    );
    const saved = await call(`/criteria-sets/${next.body.id}`, {
      method: 'PUT',
      token: admin,
      body: {
        version: next.body.version,
        nodes: [
          ...edited,
          {
            code: '1.3',
            parentCode: '1',
            title: 'Mới',
            maxScore: 50,
            rule: { type: 'boolean', yesScore: 50 },
          },
        ],
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ valid: true, totalMax: 1500 });

    const diff = await call(`/criteria-sets/${next.body.id}/diff?baseId=${set.id}`, {
      token: admin,
    });
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({
      totalMaxBefore: 1450,
      totalMaxAfter: 1500,
      removed: [],
      added: [{ code: '1.3', maxScore: 50 }],
      changed: [{ code: '1', fields: ['maxScore'], maxBefore: 1450, maxAfter: 1500 }],
      unchangedCount: 2,
    });
  });

  it('clones a set to another year in one action, and round-trips it through JSON', async () => {
    const set = await createSmallSet(`${group} sao`);
    const clone = await call(`/criteria-sets/${set.id}/clones`, {
      method: 'POST',
      token: admin,
      body: { year: 2027, unitGroup: `${group} sao` },
    });
    expect(clone.status).toBe(201);
    expect(clone.body).toMatchObject({ year: 2027, edition: 1, basedOnId: set.id, valid: true });
    expect(clone.body.nodes).toEqual(set.nodes);

    const json = await call(`/criteria-sets/${clone.body.id}/export?format=json`, {
      token: admin,
    });
    const content = Buffer.from(json.body.contentBase64, 'base64');
    const again = await call('/criteria-sets/import', {
      method: 'POST',
      token: admin,
      body: {
        ...upload('bo.json', content),
        target: { ...newTarget(`${group} sao`), year: 2027, name: clone.body.name },
      },
    });
    expect(again.status).toBe(201);
    const reexported = await call(`/criteria-sets/${again.body.id}/export?format=json`, {
      token: admin,
    });
    expect(Buffer.from(reexported.body.contentBase64, 'base64').equals(content)).toBe(true);
  });

  it('lets an admin validate an unsaved list, filter the list, read a set and delete a draft', async () => {
    const nodes = smallSet();
    nodes[0] = { ...nodes[0]!, maxScore: 1500 };
    const view = await call('/criteria-sets/validation', {
      method: 'POST',
      token: admin,
      headers: { 'Accept-Language': 'en' },
      body: { nodes },
    });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ valid: false, totalMax: 1450 });
    expect(view.body.issues).toEqual([
      expect.objectContaining({
        nodeCode: '1',
        field: 'maxScore',
        key: 'criterion.max.sumMismatch',
      }),
    ]);
    expect(view.body.issues[0].message).toContain('Maximum 15 differs');

    const unitGroup = `${group} xoá`;
    const set = await createSmallSet(unitGroup);
    const listed = await call(
      `/criteria-sets?indexCode=${indexCode}&year=2026&status=draft&unitGroup=${encodeURIComponent(unitGroup)}`,
      { token: admin },
    );
    expect(listed.body).toMatchObject({
      total: 1,
      items: [{ id: set.id, edition: 1, valid: true }],
    });
    const read = await call(`/criteria-sets/${set.id}`, { token: admin });
    expect(read.body.view.nodes.map((n: { effectiveMax: number }) => n.effectiveMax)).toEqual([
      1450, 1000, 450,
    ]);

    const stale = await call(`/criteria-sets/${set.id}?version=${set.version + 5}`, {
      method: 'DELETE',
      token: admin,
    });
    expect(stale.status).toBe(409);
    const deleted = await call(`/criteria-sets/${set.id}?version=${set.version}`, {
      method: 'DELETE',
      token: admin,
    });
    expect(deleted.status).toBe(200);
    expect((await call(`/criteria-sets/${set.id}`, { token: admin })).status).toBe(404);
  });

  it('saves a 150-leaf set with paragraphs of guidance, beyond the default body limit', async () => {
    const set = await createSmallSet(`${group} lớn`);
    const guidance = 'Tài liệu kiểm chứng: văn bản, báo cáo, số liệu của đơn vị. '.repeat(40);
    const nodes = [
      { code: '1', title: 'Lĩnh vực lớn', maxScore: 15_000 },
      ...Array.from({ length: 150 }, (_, i) => ({
        code: `1.${i + 1}`,
        parentCode: '1',
        title: `Tiêu chí ${i + 1}`,
        maxScore: 100,
        guidanceForUnits: guidance,
        rule: { type: 'boolean', yesScore: 100 },
      })),
    ];
    expect(JSON.stringify(nodes).length).toBeGreaterThan(256 * 1024);
    const saved = await call(`/criteria-sets/${set.id}`, {
      method: 'PUT',
      token: admin,
      body: { version: set.version, nodes },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ valid: true, leafCount: 150, totalMax: 15_000 });
  });

  it('gives periods the summaries of the sets they name and freezes them once, idempotently', async () => {
    const set = await createSmallSet(`${group} kỳ`);
    const unknown = '0123456789abcdef01234567';
    await markCriteriaSetsInUse(db, [set.id, unknown, 'not-an-id']);
    await markCriteriaSetsInUse(db, [set.id]);
    const summaries = await getCriteriaSetSummaries(db, [set.id, unknown, 'not-an-id']);
    expect(summaries).toEqual([
      expect.objectContaining({
        id: set.id,
        status: 'inUse',
        version: set.version + 1,
        totalMax: 1450,
      }),
    ]);
  });

  it('refuses every criteria-set action to data-entry and appraisal accounts', async () => {
    const someId = '0123456789abcdef01234567';
    const actions = Object.values(criteriaSetActions);
    expect(actions.length).toBeGreaterThanOrEqual(16);
    for (const action of actions) {
      const route = action.rest!.path.replace(':id', someId).replace(':key', 'par-so-nganh');
      for (const token of [officer, appraiser]) {
        const res = await call(route, {
          method: action.rest!.method,
          token,
          body: action.rest!.method === 'GET' ? undefined : {},
        });
        expect([action.name, res.status, res.body?.error?.code]).toEqual([
          action.name,
          403,
          'E_FORBIDDEN',
        ]);
      }
    }
    expect((await call('/criteria-sets')).status).toBe(401);
  });
});
