/**
 * The roles a column of a units sheet can play, with the headers provinces write for them
 * (the same guesser as the criteria import; the rules of a unit stay in the accounts service).
 */
import type { UnitImportField } from '@par/contracts';
import { shareMatching, type SheetRoleDefinition } from './sheet-mapping';

export const unitSheetRoleDefinitions: ReadonlyArray<SheetRoleDefinition<UnitImportField>> = [
  {
    role: 'code',
    required: true,
    headers: ['Mã đơn vị', 'Mã', 'Mã ĐVHC', 'Mã cơ quan', 'Code', 'Unit code'],
    keywords: ['mã đơn vị', 'mã cơ quan', 'code'],
    content: (cells) => shareMatching(cells, /^[A-Za-z0-9._-]{1,40}$/),
  },
  {
    role: 'name',
    required: true,
    headers: ['Tên đơn vị', 'Tên', 'Tên cơ quan', 'Đơn vị', 'Cơ quan, đơn vị', 'Name', 'Unit name'],
    keywords: ['tên đơn vị', 'tên cơ quan', 'name'],
  },
  {
    role: 'kind',
    required: true,
    headers: ['Loại', 'Loại đơn vị', 'Cấp', 'Kind', 'Type'],
    keywords: ['loại', 'kind', 'type'],
  },
  {
    role: 'parentCode',
    required: false,
    headers: [
      'Mã đơn vị cấp trên',
      'Mã cấp trên',
      'Đơn vị cấp trên',
      'Cơ quan chủ quản',
      'Parent code',
      'Parent',
    ],
    keywords: ['cấp trên', 'chủ quản', 'parent'],
  },
  {
    role: 'unitGroup',
    required: false,
    headers: ['Nhóm đơn vị', 'Nhóm', 'Khối', 'Group', 'Unit group'],
    keywords: ['nhóm', 'khối', 'group'],
  },
  {
    role: 'shortName',
    required: false,
    headers: ['Tên viết tắt', 'Viết tắt', 'Short name'],
    keywords: ['viết tắt', 'short'],
  },
];
