/**
 * A unit's life over the years through the real gateway, accounts node, NATS, FerretDB and
 * Keycloak tokens: a 2025 merge of communes into a ward, a rename, a split, a deactivation,
 * stale versions, loops in the tree, and only admins may change units.
 */
import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { auditEntryModel } from '../../src/models/audit-entry.model';
import { unitModel } from '../../src/models/unit.model';
import { mergeUnits } from '../../src/units/unit-restructure';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import { callApi as call } from '../../../../test/support/api';
import { eventually } from '../../../../test/support/eventually';

interface UnitBody {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  version: number;
  active: boolean;
  activeFrom: number | null;
  activeTo: number | null;
}

describe('the life of a unit over the years', () => {
  let portal: Portal<'admin' | 'officer' | 'appraiser'> | undefined;
  let admin: string;
  let officer: string;
  let appraiser: string;
  let db: Connection;
  const prefix = `LC${randomUUID().slice(0, 6).toUpperCase()}`;
  const group = `nhom-${prefix.toLowerCase()}`;

  const create = async (code: string, name: string, extra: object = {}): Promise<UnitBody> => {
    const res = await call('/units', {
      method: 'POST',
      token: admin,
      body: { code: `${prefix}-${code}`, name, kind: 'commune', unitGroup: group, ...extra },
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const listed = async (query: string): Promise<UnitBody[]> => {
    const res = await call(`/units?q=${prefix}&limit=1000&${query}`, { token: admin });
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const names = (units: UnitBody[]) =>
    units.map((u) => `${u.code.slice(prefix.length + 1)} ${u.name}`);
  const fetchUnit = async (id: string) => (await call(`/units/${id}`, { token: admin })).body;

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

  it('merges two communes into a new ward in 2025: 2024 lists the communes, 2025 the ward, both linked', async () => {
    const province = await create('TINH', 'Tỉnh thử', { kind: 'province', unitGroup: null });
    const a = await create('XA-A', 'Xã An Hòa', { parentId: province.id, activeFrom: 2010 });
    const b = await create('XA-B', 'Xã Bình Minh', { parentId: province.id });

    const merge = await call('/units/merge', {
      method: 'POST',
      token: admin,
      body: {
        year: 2025,
        sources: [
          { id: a.id, version: a.version },
          { id: b.id, version: b.version },
        ],
        into: {
          mode: 'new',
          unit: {
            code: `${prefix}-PHUONG`,
            name: 'Phường An Bình',
            kind: 'ward',
            parentId: province.id,
            unitGroup: group,
          },
        },
      },
    });
    expect(merge.status).toBe(200);
    const ward = merge.body.started[0] as UnitBody;
    expect(ward).toMatchObject({
      name: 'Phường An Bình',
      activeFrom: 2025,
      activeTo: null,
      names: [{ fromYear: 2025, name: 'Phường An Bình', shortName: null }],
    });
    expect(merge.body.ended.map((u: UnitBody) => u.activeTo)).toEqual([2024, 2024]);

    expect(names(await listed('year=2024'))).toEqual([
      'TINH Tỉnh thử',
      'XA-A Xã An Hòa',
      'XA-B Xã Bình Minh',
    ]);
    expect(names(await listed('year=2025'))).toEqual(['PHUONG Phường An Bình', 'TINH Tỉnh thử']);
    // The period's question: which units of this group take part in a year.
    expect(names(await listed(`year=2024&unitGroup=${group}`))).toEqual([
      'XA-A Xã An Hòa',
      'XA-B Xã Bình Minh',
    ]);
    expect(names(await listed(`year=2025&unitGroup=${group}`))).toEqual(['PHUONG Phường An Bình']);
    // Without a year, every unit as it is now, the ended ones marked.
    const now = await listed('');
    expect(now.find((u) => u.id === a.id)).toMatchObject({ active: false, activeTo: 2024 });

    const wardDetail = await fetchUnit(ward.id);
    expect(wardDetail.predecessors).toEqual([
      { unitId: a.id, code: a.code, kind: 'merged', year: 2025, name: 'Xã An Hòa' },
      { unitId: b.id, code: b.code, kind: 'merged', year: 2025, name: 'Xã Bình Minh' },
    ]);
    expect((await fetchUnit(a.id)).successors).toEqual([
      { unitId: ward.id, code: ward.code, kind: 'merged', year: 2025, name: 'Phường An Bình' },
    ]);
    // Appended by the outbox relay, right after the change.
    const merged = () =>
      auditEntryModel(db).findOne({ action: 'units.merged', units: a.code }).lean();
    await eventually(async () => (await merged()) !== null, 10_000, 'the merge audit entry');
    const entry = await merged();
    expect(entry).toMatchObject({ target: `unit:${ward.id}`, before: { year: 2025 } });
  });

  it('refuses to merge a unit into itself or from a year before it began, writing nothing', async () => {
    const t = await create('T', 'Xã Tân Tiến', { activeFrom: 2020 });
    const u = await create('U', 'Xã Uy Nỗ', { activeFrom: 2020 });
    const self = await call('/units/merge', {
      method: 'POST',
      token: admin,
      body: {
        year: 2020,
        sources: [
          { id: u.id, version: u.version },
          { id: t.id, version: t.version },
        ],
        into: { mode: 'existing', id: t.id, version: t.version },
      },
    });
    expect(self.status).toBe(422);
    expect(self.body.error.fields).toEqual([
      { field: 'sources.0.id', message: expect.stringMatching(/bắt đầu hoạt động từ năm 2020/) },
      {
        field: 'sources.1.id',
        message: expect.stringMatching(/^Không thể sáp nhập đơn vị «.*-T» vào chính nó/),
      },
    ]);
    expect((await fetchUnit(u.id)).version).toBe(u.version);
  });

  it('keeps the old name for 2024 after a rename from 2025', async () => {
    const unit = await create('DOI-TEN', 'Xã Hòa Bình');
    const res = await call(`/units/${unit.id}/rename`, {
      method: 'POST',
      token: admin,
      body: { version: unit.version, year: 2025, name: 'Phường Hòa Bình' },
    });
    expect(res.status).toBe(200);
    const byYear = async (year: number) =>
      (await listed(`year=${year}`)).find((u) => u.id === unit.id)!.name;
    expect(await byYear(2024)).toBe('Xã Hòa Bình');
    expect(await byYear(2025)).toBe('Phường Hòa Bình');
    expect(res.body.names).toEqual([
      { fromYear: null, name: 'Xã Hòa Bình', shortName: null },
      { fromYear: 2025, name: 'Phường Hòa Bình', shortName: null },
    ]);
  });

  it('splits a unit into two new ones from 2025', async () => {
    const unit = await create('CHIA', 'Xã Lớn');
    const res = await call(`/units/${unit.id}/split`, {
      method: 'POST',
      token: admin,
      body: {
        version: unit.version,
        year: 2025,
        into: [
          { code: `${prefix}-CHIA-1`, name: 'Xã Lớn Một', kind: 'commune' },
          { code: `${prefix}-CHIA-2`, name: 'Xã Lớn Hai', kind: 'commune' },
        ],
      },
    });
    expect(res.status).toBe(200);
    const codes = async (year: number) =>
      (await listed(`year=${year}`)).map((u) => u.code).filter((c) => c.includes('-CHIA'));
    expect(await codes(2024)).toEqual([`${prefix}-CHIA`]);
    expect(await codes(2025)).toEqual([`${prefix}-CHIA-1`, `${prefix}-CHIA-2`]);
    expect((await fetchUnit(unit.id)).successors.map((l: { kind: string }) => l.kind)).toEqual([
      'split',
      'split',
    ]);
  });

  it('refuses duplicate new codes in a split and writes nothing', async () => {
    const unit = await create('CHIA-TRUNG', 'Xã Trùng');
    const res = await call(`/units/${unit.id}/split`, {
      method: 'POST',
      token: admin,
      body: {
        version: unit.version,
        year: 2025,
        into: [
          { code: `${prefix}-TRUNG-1`, name: 'Xã Một', kind: 'commune' },
          { code: `${prefix}-trung-1`, name: 'Xã Hai', kind: 'commune' },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields[0]).toMatchObject({ field: 'into.1.code' });
    expect((await listed('')).filter((u) => u.code.includes('TRUNG-1'))).toEqual([]);
    expect((await fetchUnit(unit.id)).version).toBe(unit.version);
  });

  it('answers 409 with the current version for a stale save and keeps the newer data', async () => {
    const unit = await create('SUA', 'Xã Sửa');
    const edit = (name: string) =>
      call(`/units/${unit.id}`, {
        method: 'PUT',
        token: admin,
        body: { version: unit.version, name, kind: 'commune', unitGroup: group },
      });
    expect((await edit('Xã Sửa Lần Một')).status).toBe(200);
    const stale = await edit('Xã Sửa Lần Hai');
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'E_CONFLICT', field: 'version' });
    expect(stale.body.error.message).toContain(`phiên bản ${unit.version + 1}`);
    expect(stale.body.error.current).toMatchObject({
      name: 'Xã Sửa Lần Một',
      version: unit.version + 1,
    });
    expect((await fetchUnit(unit.id)).name).toBe('Xã Sửa Lần Một');
    // Appended by the outbox relay, right after the change.
    const updated = () =>
      auditEntryModel(db)
        .findOne({ action: 'unit.updated', target: `unit:${unit.id}` })
        .lean();
    await eventually(async () => (await updated()) !== null, 10_000, 'the audit entry');
    const entry = await updated();
    expect(entry).toMatchObject({ before: { name: 'Xã Sửa' }, after: { name: 'Xã Sửa Lần Một' } });
  });

  it('refuses a parent that would make a loop with 422 on parentId and writes nothing', async () => {
    const top = await create('VONG-1', 'Đơn vị trên');
    const middle = await create('VONG-2', 'Đơn vị giữa', { parentId: top.id });
    const bottom = await create('VONG-3', 'Đơn vị dưới', { parentId: middle.id });
    const res = await call(`/units/${top.id}`, {
      method: 'PUT',
      token: admin,
      body: { version: top.version, name: top.name, kind: 'commune', parentId: bottom.id },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe('parentId');
    expect(res.body.error.fields[0].message).toBe(
      `Không thể chọn «${bottom.code}» làm đơn vị cấp trên vì «${bottom.code}» đang trực thuộc đơn vị này (${bottom.code} → ${middle.code} → ${top.code}). Hãy chọn đơn vị cấp trên khác.`,
    );
    const after = await fetchUnit(top.id);
    expect(after).toMatchObject({ parentId: null, version: top.version });
  });

  it('refuses to deactivate a unit while a child is active, naming it, then deactivates it', async () => {
    const parent = await create('CHA', 'Huyện thử', { kind: 'other' });
    const child = await create('CON', 'Xã Con', { parentId: parent.id });
    const deactivate = (unit: UnitBody, version = unit.version) =>
      call(`/units/${unit.id}/deactivation`, {
        method: 'POST',
        token: admin,
        body: { version, lastYear: 2024, reason: 'Bỏ cấp huyện từ 2025' },
      });
    const refused = await deactivate(parent);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain(`${child.code} Xã Con`);
    expect((await fetchUnit(parent.id)).activeTo).toBeNull();

    expect((await deactivate(child)).status).toBe(200);
    const done = await deactivate(parent);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      activeTo: 2024,
      active: false,
      deactivationReason: 'Bỏ cấp huyện từ 2025',
    });
    // An ended parent cannot take new children.
    const underEnded = await call('/units', {
      method: 'POST',
      token: admin,
      body: { code: `${prefix}-MOI`, name: 'Xã Mới', kind: 'commune', parentId: parent.id },
    });
    expect(underEnded.status).toBe(422);
    expect(underEnded.body.error.fields[0]).toMatchObject({
      field: 'parentId',
      message: expect.stringContaining('ngừng hoạt động từ năm 2025'),
    });
  });

  it('refuses to merge away a unit that still has an active child, naming the child', async () => {
    const district = await create('HUYEN', 'Huyện Cũ', { kind: 'other' });
    const other = await create('HUYEN-2', 'Huyện Khác', { kind: 'other' });
    await create('HUYEN-XA', 'Xã Thuộc Huyện', { parentId: district.id });
    const res = await call('/units/merge', {
      method: 'POST',
      token: admin,
      body: {
        year: 2025,
        sources: [{ id: district.id, version: district.version }],
        into: { mode: 'existing', id: other.id, version: other.version },
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([
      {
        field: 'sources.0.id',
        message: expect.stringContaining(`${prefix}-HUYEN-XA Xã Thuộc Huyện`),
      },
    ]);
    expect((await fetchUnit(other.id)).predecessors).toEqual([]);
  });

  it('refuses a rename dated before the latest one, and answers 404 for an unknown unit', async () => {
    const unit = await create('DOI-TEN-2', 'Xã Cũ');
    const rename = (version: number, year: number) =>
      call(`/units/${unit.id}/rename`, {
        method: 'POST',
        token: admin,
        body: { version, year, name: `Tên ${year}` },
      });
    expect((await rename(unit.version, 2025)).status).toBe(200);
    const earlier = await rename(unit.version + 1, 2023);
    expect(earlier.status).toBe(422);
    expect(earlier.body.error).toMatchObject({ field: 'year' });
    expect(earlier.body.error.message).toContain('từ năm 2025');
    const missing = await call('/units/000000000000000000000000', { token: admin });
    expect(missing.status).toBe(404);
  });

  it('undoes a merge when a merged unit is changed by someone else midway', async () => {
    const a = await create('GIUA-A', 'Xã Giữa A');
    const b = await create('GIUA-B', 'Xã Giữa B');
    const Units = unitModel(db);
    const original = Units.findOneAndUpdate.bind(Units);
    // Another admin saves unit B between the writes of A and B.
    const spy = jest.spyOn(Units, 'findOneAndUpdate').mockImplementation(((
      filter: { _id?: { toString(): string } },
      ...rest: unknown[]
    ) => {
      if (String(filter._id) === b.id) {
        return Units.updateOne({ _id: b.id }, { $inc: { version: 1 } }).then(() =>
          (original as (...args: unknown[]) => unknown)(filter, ...rest),
        );
      }
      return (original as (...args: unknown[]) => unknown)(filter, ...rest);
    }) as never);
    try {
      await expect(
        mergeUnits(
          db,
          {
            year: 2025,
            sources: [
              { id: a.id, version: a.version },
              { id: b.id, version: b.version },
            ],
            into: {
              mode: 'new',
              unit: {
                code: `${prefix}-GIUA-W`,
                name: 'Phường Giữa',
                kind: 'ward',
                shortName: null,
                parentId: null,
                unitGroup: null,
              },
            },
          },
          { id: 'test', username: 'test', roles: ['admin'], unit: null } as never,
        ),
      ).rejects.toMatchObject({
        type: 'E_CONFLICT',
        data: { key: 'unit.restructure.interrupted', params: { code: b.code } },
      });
    } finally {
      spy.mockRestore();
    }
    expect(await fetchUnit(a.id)).toMatchObject({ activeTo: null, successors: [], active: true });
    expect(await Units.exists({ code: `${prefix}-GIUA-W` })).toBeNull();
  });

  it('hides ended units from the list without a year when asked to', async () => {
    const unit = await create('AN', 'Xã Ẩn', { activeFrom: 2000 });
    await call(`/units/${unit.id}/deactivation`, {
      method: 'POST',
      token: admin,
      body: { version: unit.version, lastYear: 2020, reason: 'Giải thể' },
    });
    const ids = async (query: string) => (await listed(query)).map((u) => u.id);
    expect(await ids('')).toContain(unit.id);
    expect(await ids('includeInactive=false')).not.toContain(unit.id);
    expect(await ids('year=2020')).toContain(unit.id);
  });

  it('reads a unit stored before the history existed as always active under its one name', async () => {
    const { insertedId } = await db.collection('units').insertOne({
      code: `${prefix}-CU`,
      name: 'Sở Cũ',
      shortName: null,
      kind: 'department',
      parentId: null,
      unitGroup: null,
      version: 0,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const id = insertedId.toHexString();
    expect((await listed('year=2001')).find((u) => u.id === id)).toMatchObject({
      name: 'Sở Cũ',
      active: true,
      activeFrom: null,
      activeTo: null,
    });
    const renamed = await call(`/units/${id}/rename`, {
      method: 'POST',
      token: admin,
      body: { version: 0, year: 2025, name: 'Sở Mới' },
    });
    expect(renamed.status).toBe(200);
    expect((await listed('year=2024')).find((u) => u.id === id)?.name).toBe('Sở Cũ');
    expect((await fetchUnit(id)).names.map((n: { name: string }) => n.name)).toEqual([
      'Sở Cũ',
      'Sở Mới',
    ]);
  });

  it('refuses every new unit action to data-entry and appraisal tokens with 403', async () => {
    const unit = await create('QUYEN', 'Xã Quyền');
    const attempts: Array<[string, string, object | undefined]> = [
      ['GET', `/units/${unit.id}`, undefined],
      ['PUT', `/units/${unit.id}`, { version: unit.version, name: 'Xã Khác', kind: 'commune' }],
      ['POST', `/units/${unit.id}/rename`, { version: unit.version, year: 2025, name: 'Xã Khác' }],
      [
        'POST',
        '/units/merge',
        {
          year: 2025,
          sources: [{ id: unit.id, version: unit.version }],
          into: { mode: 'existing', id: unit.id, version: 0 },
        },
      ],
      ['POST', `/units/${unit.id}/split`, { version: unit.version, year: 2025, into: [] }],
      [
        'POST',
        `/units/${unit.id}/deactivation`,
        { version: unit.version, lastYear: 2024, reason: 'Thử quyền' },
      ],
    ];
    for (const token of [officer, appraiser]) {
      for (const [method, path, body] of attempts) {
        const res = await call(path, { method, token, body });
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 403 });
      }
    }
    expect((await fetchUnit(unit.id)).version).toBe(unit.version);
  });
});
