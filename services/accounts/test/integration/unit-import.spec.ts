/**
 * Importing and exporting units over HTTP through the real gateway, accounts node, NATS and
 * FerretDB: all or nothing, parents linked, the export imports back, and only admins may do it.
 */
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import mongoose, { type Connection } from 'mongoose';
import { auditEntryModel } from '../../src/models/audit-entry.model';
import { unitModel } from '../../src/models/unit.model';
import { commitUnitImport } from '../../src/units/unit-import';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import { callApi as call } from '../../../../test/support/api';
import { eventually } from '../../../../test/support/eventually';

const upload = (fileName: string, csv: string) => ({
  fileName,
  contentBase64: Buffer.from(csv, 'utf8').toString('base64'),
});

type Line = [code: string, name: string, kind: string, parentCode: string, group: string];

/** 1 province, 9 departments under it, 290 agencies under those; children listed first. */
function generatedSheet(prefix: string): Line[] {
  const lines: Line[] = [[`${prefix}-ROOT`, 'Ủy ban nhân dân tỉnh thử', 'province', '', '']];
  for (let d = 1; d <= 9; d++)
    lines.push([`${prefix}-D${d}`, `Sở thử ${d}`, 'department', `${prefix}-ROOT`, 'so-nganh']);
  for (let a = 1; a <= 290; a++) {
    lines.push([`${prefix}-A${a}`, `Phòng thử ${a}`, 'agency', `${prefix}-D${(a % 9) + 1}`, '']);
  }
  return lines.reverse();
}

const toCsv = (lines: Line[]) =>
  `\uFEFFMã đơn vị;Tên đơn vị;Loại;Mã đơn vị cấp trên;Nhóm đơn vị\r\n${lines.map((l) => l.join(';')).join('\r\n')}\r\n`;

async function unitsWithPrefix(token: string, prefix: string) {
  const res = await call(`/units?q=${encodeURIComponent(prefix)}&limit=1000`, { token });
  expect(res.status).toBe(200);
  return res.body as {
    total: number;
    items: Array<{
      id: string;
      code: string;
      name: string;
      kind: string;
      parentId: string | null;
      unitGroup: string | null;
    }>;
  };
}

describe('importing and exporting units', () => {
  let portal: Portal<'admin' | 'officer' | 'appraiser'> | undefined;
  let admin: string;
  let officer: string;
  let appraiser: string;
  const prefix = `IMP${randomUUID().slice(0, 6).toUpperCase()}`;
  let db: Connection;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts'],
      users: { admin: roles.admin, officer: roles.officer, appraiser: roles.appraiser },
      routes: ['accounts'],
    });
    ({ admin, officer, appraiser } = portal.tokens);
    db = await mongoose
      .createConnection(process.env.PAR_MONGO_URL!, { dbName: 'accounts' })
      .asPromise();
  });

  afterAll(async () => {
    await db?.close();
    await portal?.close();
  });

  it('refuses a 300-unit sheet with two bad rows as a whole, naming both rows, and writes nothing', async () => {
    const lines = generatedSheet(prefix);
    // Sheet rows are numbered as a spreadsheet shows them: the header is row 1.
    lines[16]![3] = `${prefix}-NOWHERE`; // row 18: parent neither in the sheet nor the database
    lines[41]![2] = 'city'; // row 43: unknown kind
    const file = upload('don-vi.csv', toCsv(lines));

    const preview = await call('/units/import/preview', {
      method: 'POST',
      token: admin,
      body: file,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.totals).toMatchObject({ rows: 300, valid: 298, invalid: 2 });
    const bad = preview.body.rows.filter((r: { errors: unknown[] }) => r.errors.length > 0);
    expect(
      bad.map((r: { row: number; errors: Array<{ field: string }> }) => [
        r.row,
        r.errors[0]!.field,
      ]),
    ).toEqual([
      [18, 'parentCode'],
      [43, 'kind'],
    ]);

    const commit = await call('/units/import', { method: 'POST', token: admin, body: file });
    expect(commit.status).toBe(422);
    expect(commit.body.error.code).toBe('E_VALIDATION');
    expect(commit.body.error.message).toBe(
      'Tệp có lỗi ở dòng 18, 43; chưa nhập đơn vị nào. Hãy sửa các dòng này rồi nhập lại.',
    );
    expect(commit.body.error.fields).toEqual([
      {
        field: 'rows.18.parentCode',
        message: expect.stringMatching(/^Dòng 18: Không tìm thấy đơn vị cấp trên/),
      },
      {
        field: 'rows.43.kind',
        message: expect.stringMatching(/^Dòng 43: Loại «city» không hợp lệ/),
      },
    ]);
    expect((await unitsWithPrefix(admin, prefix)).total).toBe(0);
  });

  it('creates all 300 units of the corrected sheet with parents linked, then refuses it a second time', async () => {
    const file = upload('don-vi.csv', toCsv(generatedSheet(prefix)));
    const commit = await call('/units/import', { method: 'POST', token: admin, body: file });
    expect(commit.status).toBe(201);
    expect(commit.body).toEqual({ fileName: 'don-vi.csv', created: 300 });

    const { total, items } = await unitsWithPrefix(admin, prefix);
    expect(total).toBe(300);
    const byCode = new Map(items.map((u) => [u.code, u]));
    const idOf = (code: string) => byCode.get(code)!.id;
    expect(byCode.get(`${prefix}-ROOT`)!.parentId).toBeNull();
    expect(byCode.get(`${prefix}-D3`)!.parentId).toBe(idOf(`${prefix}-ROOT`));
    expect(byCode.get(`${prefix}-D3`)!.unitGroup).toBe('so-nganh');
    for (let a = 1; a <= 290; a++) {
      expect(byCode.get(`${prefix}-A${a}`)!.parentId).toBe(idOf(`${prefix}-D${(a % 9) + 1}`));
    }

    const again = await call('/units/import', { method: 'POST', token: admin, body: file });
    expect(again.status).toBe(422);
    expect(again.body.error.fields[0].message).toMatch(/đã có trong hệ thống/);
    expect((await unitsWithPrefix(admin, prefix)).total).toBe(300);
  });

  it('records one audit entry per import, with who, when, the count and the file name', async () => {
    const imported = { action: 'units.imported', 'after.fileName': 'don-vi.csv' };
    await eventually(
      async () => (await auditEntryModel(db).countDocuments(imported)) > 0,
      10_000,
      'the import audit entry',
    );
    const entries = await auditEntryModel(db).find(imported).sort({ at: -1 }).limit(1).lean();
    expect(entries[0]).toMatchObject({
      target: 'units',
      after: { fileName: 'don-vi.csv', count: 300 },
    });
    expect(entries[0]!.actor).toEqual(expect.any(String));
    expect(Date.now() - entries[0]!.at.getTime()).toBeLessThan(60_000);
  });

  it('removes what it inserted when an insert fails midway, e.g. a code taken meanwhile', async () => {
    const p = `${prefix}C`;
    const file = upload(
      'race.csv',
      `code,name,kind,parent code\n${p}-1,Đơn vị một,other,\n${p}-2,Đơn vị hai,other,${p}-1\n${p}-3,Đơn vị ba,other,\n`,
    );
    const Units = unitModel(db);
    const insertMany = Units.insertMany.bind(Units);
    // Someone else creates the third code between the checks and the inserts.
    const spy = jest.spyOn(Units, 'insertMany').mockImplementation((async (
      docs: unknown,
      options: unknown,
    ) => {
      await Units.create({ code: `${p}-3`, name: 'Đơn vị khác', kind: 'other' });
      return insertMany(docs as never, options as never);
    }) as never);
    try {
      await expect(commitUnitImport(db, file, { id: 'test' } as never, 'vi')).rejects.toMatchObject(
        {
          type: 'E_CONFLICT',
          data: { key: 'unitImport.interrupted', params: { code: `${p}-3` } },
        },
      );
    } finally {
      spy.mockRestore();
    }
    const left = await Units.find({ code: { $regex: `^${p}-` } }).lean();
    expect(left.map((u) => [u.code, u.name])).toEqual([[`${p}-3`, 'Đơn vị khác']]);
  });

  it('exports units so that the export imports back into a fresh set of units unchanged', async () => {
    const exported = await call('/units/export', { token: admin });
    expect(exported.status).toBe(200);
    expect(exported.body.fileName).toMatch(/\.csv$/);
    const text = Buffer.from(exported.body.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFMã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên,Nhóm đơn vị')).toBe(
      true,
    );

    // The database is shared between runs, so the fresh set is this run's units under new codes.
    const fresh = `${prefix}R`;
    const rows = (parse(text, { bom: true }) as string[][]).slice(1);
    const ours = rows.filter((r) => r[0]!.startsWith(`${prefix}-`));
    expect(ours).toHaveLength(300);
    const renamed = ours.map((r) => [
      r[0]!.replace(prefix, fresh),
      r[1],
      r[2],
      r[3] ? r[3].replace(prefix, fresh) : '',
      r[4],
      r[5],
    ]);
    const csv = `\uFEFF${text.slice(1).split('\r\n')[0]}\r\n${renamed.map((r) => r.join(',')).join('\r\n')}\r\n`;
    const commit = await call('/units/import', {
      method: 'POST',
      token: admin,
      body: upload('export.csv', csv),
    });
    expect(commit.status).toBe(201);
    expect(commit.body.created).toBe(300);

    const again = (
      parse(
        Buffer.from(
          (await call('/units/export', { token: admin })).body.contentBase64,
          'base64',
        ).toString('utf8'),
        { bom: true },
      ) as string[][]
    )
      .filter((r) => r[0]!.startsWith(`${fresh}-`))
      .map((r) => [
        r[0]!.replace(fresh, prefix),
        r[1],
        r[2],
        r[3] ? r[3].replace(fresh, prefix) : '',
        r[4],
        r[5],
      ]);
    expect(new Set(again.map((r) => r.join('|')))).toEqual(new Set(ours.map((r) => r.join('|'))));
  });

  it('exports as xlsx too', async () => {
    const exported = await call('/units/export?format=xlsx', { token: admin });
    expect(exported.status).toBe(200);
    expect(exported.body.fileName).toMatch(/\.xlsx$/);
    expect(Buffer.from(exported.body.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a file that is not really a CSV, and one over 2 MB, with a Vietnamese message', async () => {
    const binary = await call('/units/import/preview', {
      method: 'POST',
      token: admin,
      body: {
        fileName: 'don-vi.csv',
        contentBase64: Buffer.from([0, 1, 2, 0xff]).toString('base64'),
      },
    });
    expect(binary.status).toBe(422);
    expect(binary.body.error.message).toMatch(/không phải là CSV/);

    const big = await call('/units/import/preview', {
      method: 'POST',
      token: admin,
      body: {
        fileName: 'don-vi.csv',
        contentBase64: Buffer.alloc(2 * 1024 * 1024 + 10, 'a').toString('base64'),
      },
    });
    expect(big.status).toBe(422);
    expect(big.body.error.message).toMatch(/^Tệp quá lớn .* tối đa 2 MB/);
  });

  it("refuses a body over the import routes' own 3 MB limit with 413 naming that limit", async () => {
    const res = await call('/units/import/preview', {
      method: 'POST',
      token: admin,
      body: { fileName: 'u.csv', contentBase64: 'A'.repeat(3 * 1024 * 1024 + 10) },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toContain('3mb');
  });

  it('keeps the default body limit on other routes', async () => {
    const res = await call('/units', {
      method: 'POST',
      token: admin,
      body: { code: `${prefix}-BIG`, name: 'x'.repeat(300 * 1024), kind: 'other' },
    });
    expect(res.status).toBe(413);
  });

  describe('who may import and export', () => {
    const file = () => upload('u.csv', `code,name,kind\n${prefix}-W,Đơn vị W,other\n`);
    const routes: Array<[string, string, string, boolean]> = [
      ['preview', 'POST', '/units/import/preview', true],
      ['commit', 'POST', '/units/import', true],
      ['export', 'GET', '/units/export', false],
    ];

    it.each(routes)(
      'refuses %s without a token with 401',
      async (_name, method, path, withBody) => {
        const res = await call(path, { method, body: withBody ? file() : undefined });
        expect(res.status).toBe(401);
      },
    );

    it.each(routes)(
      'refuses %s to data-entry and appraisal users with 403',
      async (_name, method, path, withBody) => {
        for (const token of [officer, appraiser]) {
          const res = await call(path, { method, token, body: withBody ? file() : undefined });
          expect(res.status).toBe(403);
        }
        expect((await unitsWithPrefix(admin, `${prefix}-W`)).total).toBe(0);
      },
    );

    it('lets an admin preview without writing', async () => {
      const res = await call('/units/import/preview', {
        method: 'POST',
        token: admin,
        body: file(),
      });
      expect(res.status).toBe(200);
      expect(res.body.totals).toMatchObject({ rows: 1, valid: 1 });
      expect((await unitsWithPrefix(admin, `${prefix}-W`)).total).toBe(0);
    });
  });
});
