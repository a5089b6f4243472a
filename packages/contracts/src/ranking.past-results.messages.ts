/** User-facing texts of the past results import (issue 12). */
import type { Locale } from './locale';

export const pastResultsMessages = {
  'pastResults.file.unsupported': {
    vi: 'Chỉ nhận tệp CSV (UTF-8) hoặc Excel (.xlsx). Hãy lưu tệp ở một trong hai dạng đó.',
    en: 'Only CSV (UTF-8) or Excel (.xlsx) files are accepted. Save the file in one of those.',
  },
  'pastResults.file.empty': {
    vi: 'Tệp không có dòng kết quả nào dưới dòng tiêu đề.',
    en: 'The file has no result rows under its header.',
  },
  'pastResults.file.tooLarge': {
    vi: 'Tệp ({size}) vượt quá 4 MB. Hãy chia theo nhóm đơn vị và nhập từng tệp vào đợt tương ứng.',
    en: 'The file ({size}) is over 4 MB. Split it by unit group.',
  },
  'pastResults.file.unpackedTooLarge': {
    vi: 'Tệp Excel khi giải nén quá lớn. Hãy lưu lại chỉ với bảng kết quả.',
    en: 'The Excel file is too large once unpacked. Save it with the results sheet only.',
  },
  'pastResults.file.tooManyRows': {
    vi: 'Tệp có {count} dòng, vượt quá 50.000 dòng. Hãy bỏ các dòng thừa.',
    en: 'The file has {count} rows, over 50,000. Remove the extra rows.',
  },
  'pastResults.header.missing': {
    vi: 'Không tìm thấy cột {columns} ở dòng tiêu đề. Tệp cần các cột «Mã đơn vị», «Mã tiêu chí», «Điểm tự chấm», «Điểm thẩm định».',
    en: 'Column(s) {columns} are missing from the header row. The file needs unit code, criterion code, self score and appraised score.',
  },
  'pastResultsSheetRole.unitCode': { vi: 'Mã đơn vị', en: 'Unit code' },
  'pastResultsSheetRole.criterionCode': { vi: 'Mã tiêu chí', en: 'Criterion code' },
  'pastResultsSheetRole.selfScore': { vi: 'Điểm tự chấm', en: 'Self score' },
  'pastResultsSheetRole.appraisedScore': { vi: 'Điểm thẩm định', en: 'Appraised score' },
  'pastResults.mapping.invalid': {
    vi: 'Chưa rõ cột nào là cột nào: {problems}. Hãy chọn lại vai trò của các cột.',
    en: "The columns are not clear: {problems}. Choose each column's role again.",
  },
  'pastResults.unit.unknown': {
    vi: 'Đơn vị «{code}» không tham gia đợt đánh giá này. Hãy sửa mã, bỏ dòng, hoặc thêm đơn vị vào đợt.',
    en: 'Unit "{code}" does not take part in this period. Correct the code, remove the row, or add the unit to the period.',
  },
  'pastResults.criterion.notLeaf': {
    vi: 'Tiêu chí «{code}» không phải tiêu chí được chấm điểm (tiêu chí lá) trong bộ tiêu chí của nhóm «{group}». Hãy sửa mã tiêu chí.',
    en: 'Criterion "{code}" is not a scored (leaf) criterion of group "{group}"\'s set. Correct the criterion code.',
  },
  'pastResults.score.invalid': {
    vi: 'Điểm «{value}» không đọc được. Hãy ghi số có tối đa hai chữ số thập phân, ví dụ 3,25 (điểm trừ ghi số âm, ví dụ -0,5).',
    en: 'Score "{value}" cannot be read. Write a number with at most two decimals, e.g. 3.25 (a deduction as a negative number).',
  },
  'pastResults.score.outOfRange': {
    vi: 'Điểm {value} không hợp lệ với tiêu chí «{code}» (từ {min} đến {max}, bước {step}). Hãy sửa điểm.',
    en: 'Score {value} does not fit criterion "{code}" ({min} to {max}, step {step}). Correct the score.',
  },
  'pastResults.score.notOption': {
    vi: 'Điểm {value} không phải một mức của tiêu chí «{code}» (các mức: {options}). Hãy sửa điểm.',
    en: 'Score {value} is not one of criterion "{code}"\'s options ({options}). Correct the score.',
  },
  'pastResults.score.appraisedMissing': {
    vi: 'Thiếu điểm thẩm định. Hãy ghi điểm thẩm định (điểm cuối cùng dùng để so sánh).',
    en: 'The appraised score is missing. Give the appraised (final) score.',
  },
  'pastResults.row.duplicate': {
    vi: 'Đơn vị «{unit}», tiêu chí «{code}» đã có ở dòng {first}. Mỗi cặp chỉ ghi một lần.',
    en: 'Unit "{unit}", criterion "{code}" is already on row {first}. Give each pair once.',
  },
  'pastResults.invalid': {
    vi: 'Tệp có {count} lỗi ở {rows} dòng; chưa nhập kết quả nào. Lỗi đầu tiên: {first}',
    en: 'The file has {count} error(s) on {rows} row(s); nothing was imported. First: {first}',
  },
} as const satisfies Record<string, Record<Locale, string>>;
