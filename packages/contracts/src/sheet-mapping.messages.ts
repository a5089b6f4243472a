/**
 * User-facing texts of reading a province's own sheet (issue 9): the roles a column can play,
 * what is wrong with a mapping, and what the tree built from the sheet says about its rows.
 */
import type { Locale } from './locale';

export const sheetMappingMessages = {
  'sheetMapping.roleMissing': {
    vi: 'Chưa có cột nào được chọn là «{role}». Hãy chọn cột đó ở bước ghép cột.',
    en: 'No column is mapped to "{role}". Choose that column in the column mapping step.',
  },
  'sheetMapping.roleTwice': {
    vi: 'Các cột {columns} cùng được chọn là «{role}». Mỗi vai trò chỉ dành cho một cột: hãy đổi hoặc bỏ qua một cột.',
    en: 'Columns {columns} are all mapped to "{role}". Each role takes one column: change or ignore one of them.',
  },
  'sheetMapping.invalid': {
    vi: 'Cách ghép cột chưa dùng được: {problems} Chưa nhập gì.',
    en: 'The column mapping cannot be used yet: {problems} Nothing was imported.',
  },
  'sheetMapping.column': {
    vi: 'cột {number} «{header}»',
    en: 'column {number} "{header}"',
  },
  'criteriaSheetRole.code': { vi: 'Mã tiêu chí', en: 'Criterion code' },
  'criteriaSheetRole.parentCode': { vi: 'Mã tiêu chí cha', en: 'Parent code' },
  'criteriaSheetRole.title': { vi: 'Tên tiêu chí', en: 'Title' },
  'criteriaSheetRole.maxScore': { vi: 'Điểm tối đa', en: 'Maximum score' },
  'criteriaSheetRole.capped': { vi: 'Giới hạn điểm', en: 'Capped' },
  'criteriaSheetRole.ruleType': { vi: 'Cách chấm', en: 'Scoring rule' },
  'criteriaSheetRole.ruleDetails': { vi: 'Chi tiết cách chấm', en: 'Rule details' },
  'criteriaSheetRole.evidenceMin': { vi: 'Số TLKC tối thiểu', en: 'Minimum evidence files' },
  'criteriaSheetRole.evidenceMax': { vi: 'Số TLKC tối đa', en: 'Maximum evidence files' },
  'criteriaSheetRole.explanationRequired': {
    vi: 'Bắt buộc giải trình',
    en: 'Explanation required',
  },
  'criteriaSheetRole.appraiserUnitCode': { vi: 'Đơn vị thẩm định', en: 'Appraising unit' },
  'criteriaSheetRole.guidanceForUnits': { vi: 'Hướng dẫn cho đơn vị', en: 'Guidance for units' },
  'criteriaSheetRole.guidanceForAppraisers': {
    vi: 'Hướng dẫn thẩm định',
    en: 'Guidance for appraisers',
  },
  'criteriaSheetRole.area': { vi: 'Tên lĩnh vực', en: 'Area name' },
  'criteriaSheetRole.selfScore': {
    vi: 'Điểm tự chấm (không nhập)',
    en: 'Self-assessed score (not imported)',
  },
  'criteriaSheetRole.appraisedScore': {
    vi: 'Điểm thẩm định (không nhập)',
    en: 'Appraised score (not imported)',
  },
  'unitSheetRole.code': { vi: 'Mã đơn vị', en: 'Unit code' },
  'unitSheetRole.name': { vi: 'Tên đơn vị', en: 'Unit name' },
  'unitSheetRole.kind': { vi: 'Loại', en: 'Kind' },
  'unitSheetRole.parentCode': { vi: 'Mã đơn vị cấp trên', en: 'Parent unit code' },
  'unitSheetRole.unitGroup': { vi: 'Nhóm đơn vị', en: 'Unit group' },
  'unitSheetRole.shortName': { vi: 'Tên viết tắt', en: 'Short name' },
  'criteriaImport.code.collision': {
    vi: 'Mã «{original}» sau khi chuẩn hoá thành «{code}», trùng với mã «{otherOriginal}» ở dòng {otherRow}. Hãy sửa một trong hai mã trong tệp.',
    en: 'Code "{original}" becomes "{code}" once cleaned, the same as "{otherOriginal}" on row {otherRow}. Change one of the two codes in the file.',
  },
  'criteriaImport.area.disagrees': {
    vi: 'Cột «{column}» ghi lĩnh vực «{area}» (mã {areaCode}) nhưng mã «{code}» thuộc lĩnh vực {codeArea}. Hãy sửa tên lĩnh vực hoặc mã của dòng này.',
    en: 'Column "{column}" says area "{area}" (code {areaCode}) but code "{code}" belongs to area {codeArea}. Correct the area name or the code of this row.',
  },
  'criteriaImport.area.codeInvalid': {
    vi: 'Mã «{code}» của lĩnh vực «{area}» không hợp lệ: chỉ gồm chữ không dấu hoặc số, không có dấu chấm (ví dụ 1, 2, A).',
    en: 'Code "{code}" of area "{area}" is not valid: letters or digits only, without dots (e.g. 1, 2, A).',
  },
  'criteriaImport.area.codeTwice': {
    vi: 'Hai lĩnh vực «{area}» và «{otherArea}» cùng mã «{code}». Hãy đặt mã khác nhau.',
    en: 'Areas "{area}" and "{otherArea}" share code "{code}". Give them different codes.',
  },
  'criteriaImport.created.title': {
    vi: 'Mục {code} (tạo từ các dòng con)',
    en: 'Item {code} (made from its child rows)',
  },
} as const satisfies Record<string, Record<Locale, string>>;
