/** User-facing texts of consolidation, band tables, the survey results import, blocker decisions and publication (issue 12). */
import type { Locale } from './locale';

export const rankingMessages = {
  'ranking.bands.invalid': {
    vi: 'Bảng xếp loại chưa hợp lệ: {problem}',
    en: 'The band table is not valid: {problem}',
  },
  'ranking.bands.row': { vi: 'mức {n}: {text}', en: 'band {n}: {text}' },
  // One per `validateBandTable` code (`@par/scoring`), each saying what to do.
  'ranking.bands.empty': {
    vi: 'Bảng cần ít nhất một mức.',
    en: 'The table needs at least one band.',
  },
  'ranking.bands.labelMissing': { vi: 'Hãy ghi tên mức.', en: "Write the band's name." },
  'ranking.bands.labelDuplicate': {
    vi: 'Tên mức này đã có ở mức trên: hãy đặt tên khác.',
    en: 'A band above has this name: choose another one.',
  },
  'ranking.bands.minOutOfRange': {
    vi: 'Ngưỡng phải từ 0 đến 100 %.',
    en: 'The bound must be from 0 to 100 %.',
  },
  'ranking.bands.notDescending': {
    vi: 'Ngưỡng phải thấp hơn ngưỡng của mức ngay trên: hãy sửa ngưỡng hoặc đổi thứ tự.',
    en: "The bound must be below the band above's: correct it or change the order.",
  },
  'ranking.bands.bottomNotZero': {
    vi: 'Mức thấp nhất phải bắt đầu từ 0 để chỉ số nào cũng có mức: hãy ghi 0.',
    en: 'The lowest band must start at 0 so that every index has a band: write 0.',
  },
  'ranking.period.unavailable': {
    vi: 'Chưa lấy được thông tin đợt đánh giá hoặc bộ tiêu chí từ dịch vụ đánh giá. Hãy thử lại sau ít phút.',
    en: 'The period or its criteria sets could not be read from the assessment service. Try again in a few minutes.',
  },
  'ranking.consolidation.notFound': {
    vi: 'Đợt đánh giá này chưa được tổng hợp kết quả (hoặc không có phiên bản đó). Hãy bấm «Tổng hợp» trước.',
    en: 'This period has not been consolidated yet (or has no such version). Consolidate it first.',
  },
  'ranking.consolidation.busy': {
    vi: 'Một lượt tổng hợp khác của đợt này vừa được ghi cùng lúc. Hãy tải lại để xem bản mới nhất rồi tổng hợp lại nếu cần.',
    en: 'Another consolidation of this period was written at the same moment. Reload to see the latest, then consolidate again if needed.',
  },
  'ranking.export.format': {
    vi: 'Định dạng tệp xuất chưa đúng. Hãy chọn Excel (xlsx) hoặc PDF (pdf).',
    en: 'Unknown export format. Choose Excel (xlsx) or PDF (pdf).',
  },
  'ranking.export.selfScores': {
    vi: 'Chưa lấy được điểm tự chấm của các đơn vị từ dịch vụ đánh giá nên chưa xuất được báo cáo. Hãy thử lại sau ít phút.',
    en: "The units' self-scores could not be read from the assessment service, so the report was not made. Try again in a few minutes.",
  },
  'ranking.previous.notFound': {
    vi: 'Đợt đánh giá năm trước được chọn chưa được tổng hợp và chưa có kết quả nhập từ tệp. Hãy tổng hợp đợt đó, nhập kết quả năm trước, hoặc bỏ so sánh.',
    en: 'The previous period chosen has not been consolidated and has no imported results. Consolidate it, import its past results, or leave the comparison out.',
  },
  'ranking.tieBreak.unknownArea': {
    vi: 'Lĩnh vực «{code}» không có trong bộ tiêu chí nào của đợt này, nên không dùng để xếp hạng khi bằng điểm được. Hãy chọn lĩnh vực khác.',
    en: 'Area "{code}" is in none of this period\'s criteria sets, so it cannot break ties. Choose another area.',
  },
  'ranking.appraisal.unavailable': {
    vi: 'Chưa lấy được điểm thẩm định vòng 2 từ dịch vụ thẩm định. Hãy thử lại sau ít phút.',
    en: 'The round-2 appraisal scores could not be read from the appraisal service. Try again in a few minutes.',
  },
  'ranking.blocker.notFound': {
    vi: 'Bản tổng hợp mới nhất không có vướng mắc «{kind}» của đơn vị «{unit}». Hãy tải lại danh sách vướng mắc rồi chọn lại.',
    en: 'The latest draft has no "{kind}" blocker for unit "{unit}". Reload the blockers and choose again.',
  },
  'ranking.decision.invalid': {
    vi: 'Hãy chọn cách xử lý: «Tính 0 điểm» hoặc «Loại đơn vị khỏi bảng xếp hạng».',
    en: 'Choose how to settle it: "count 0" or "exclude the unit from the ranking".',
  },
  'ranking.decision.reason': {
    vi: 'Hãy ghi lý do của quyết định (từ 5 đến 1.000 ký tự).',
    en: 'Write the reason for the decision (5 to 1,000 characters).',
  },
  'ranking.decision.excludeOnly': {
    vi: 'Đơn vị «{unit}» không có bộ tiêu chí cho nhóm của mình nên không thể tính 0 điểm. Hãy chọn «Loại đơn vị» hoặc gán bộ tiêu chí cho nhóm rồi tổng hợp lại.',
    en: 'Unit "{unit}" has no criteria set for its group, so it cannot be counted 0. Exclude it, or give its group a set and consolidate again.',
  },
  'ranking.decision.stale': {
    vi: 'Quyết định về vướng mắc vừa được người khác thay đổi. Hãy tải lại danh sách rồi quyết định lại.',
    en: 'Someone else changed the blocker decisions just now. Reload them and decide again.',
  },
  'ranking.publication.version': {
    vi: 'Hãy chọn phiên bản bản tổng hợp (số từ 1) để công bố.',
    en: 'Choose the draft version (a number from 1) to publish.',
  },
  'ranking.publication.reason': {
    vi: 'Đợt này đã công bố; hãy ghi lý do công bố lại bản đã sửa (từ 5 đến 1.000 ký tự).',
    en: 'This period is already published; write why the corrected version is republished (5 to 1,000 characters).',
  },
  'ranking.publication.notFound': {
    vi: 'Đợt đánh giá này không có lần công bố số {number}. Hãy chọn một lần công bố trong danh sách.',
    en: 'This period has no publication number {number}. Choose one from the list.',
  },
  'ranking.public.notPublished': {
    vi: 'Đợt đánh giá này chưa công bố kết quả. Hãy chọn một đợt khác trong danh sách kết quả đã công bố.',
    en: 'This period has no published results. Choose another period from the published results.',
  },
  'ranking.public.unitNotFound': {
    vi: 'Đơn vị «{unit}» không có trong kết quả đã công bố của đợt này. Hãy chọn một đơn vị trong bảng xếp hạng.',
    en: 'Unit "{unit}" is not in this period\'s published results. Choose a unit from the ranking.',
  },
  'ranking.publication.blocked': {
    vi: 'Chưa công bố được: còn {count} vướng mắc chưa được quyết định (đầu tiên: đơn vị «{unit}», {kind}). Hãy quyết định từng vướng mắc (tính 0 điểm hoặc loại đơn vị, kèm lý do), tổng hợp lại rồi công bố.',
    en: 'Not published: {count} blocker(s) are undecided (first: unit "{unit}", {kind}). Decide each (count 0 or exclude the unit, with a reason), consolidate again, then publish.',
  },
  'ranking.publication.staleDecisions': {
    vi: 'Các quyết định về vướng mắc đã thay đổi sau khi lập bản tổng hợp số {version}. Hãy tổng hợp lại rồi công bố bản mới.',
    en: 'The blocker decisions changed after draft {version} was made. Consolidate again and publish the new draft.',
  },
  'ranking.publication.same': {
    vi: 'Bản tổng hợp số {version} đang là bản được công bố. Hãy tổng hợp lại sau khi sửa rồi công bố bản mới.',
    en: 'Draft {version} is already the published one. Consolidate again after the correction and publish the new draft.',
  },
  'ranking.publication.busy': {
    vi: 'Một lần công bố khác của đợt này vừa được ghi cùng lúc. Hãy tải lại danh sách công bố rồi thử lại nếu cần.',
    en: 'Another publication of this period was written at the same moment. Reload the publications and try again if needed.',
  },
  'rankingBlocker.notSubmitted': { vi: 'chưa nộp tự đánh giá', en: 'not submitted' },
  'rankingBlocker.notAppraised': { vi: 'chưa thẩm định', en: 'not appraised' },
  'rankingBlocker.surveyMissing': { vi: 'thiếu kết quả điều tra', en: 'survey results missing' },
  'rankingBlocker.linkedMissing': { vi: 'thiếu điểm liên kết', en: 'linked score missing' },
  'rankingBlocker.invalidScore': { vi: 'điểm không hợp lệ', en: 'invalid score' },
  'rankingBlocker.noCriteriaSet': { vi: 'không có bộ tiêu chí', en: 'no criteria set' },
  'surveyImport.file.unsupported': {
    vi: 'Chỉ nhận tệp CSV (UTF-8) hoặc Excel (.xlsx). Hãy lưu tệp ở một trong hai dạng đó.',
    en: 'Only CSV (UTF-8) or Excel (.xlsx) files are accepted. Save the file in one of those.',
  },
  'surveyImport.file.empty': {
    vi: 'Tệp không có dòng kết quả nào dưới dòng tiêu đề.',
    en: 'The file has no result rows under its header.',
  },
  'surveyImport.file.tooLarge': {
    vi: 'Tệp ({size}) vượt quá 2 MB. Hãy chia thành nhiều tệp.',
    en: 'The file ({size}) is over 2 MB. Split it into several files.',
  },
  'surveyImport.file.unpackedTooLarge': {
    vi: 'Tệp Excel khi giải nén quá lớn. Hãy lưu lại chỉ với bảng kết quả.',
    en: 'The Excel file is too large once unpacked. Save it with the results sheet only.',
  },
  'surveyImport.file.tooManyRows': {
    vi: 'Tệp có {count} dòng, vượt quá 20.000 dòng. Hãy chia thành nhiều tệp.',
    en: 'The file has {count} rows, over 20,000. Split it into several files.',
  },
  'surveyImport.header.missing': {
    vi: 'Không tìm thấy cột {columns} ở dòng tiêu đề. Tệp cần ba cột: «Mã đơn vị», «Mã tiêu chí», «Điểm».',
    en: 'Column(s) {columns} are missing from the header row. The file needs three columns: unit code, criterion code, score.',
  },
  'surveySheetRole.unitCode': { vi: 'Mã đơn vị', en: 'Unit code' },
  'surveySheetRole.criterionCode': { vi: 'Mã tiêu chí', en: 'Criterion code' },
  'surveySheetRole.score': { vi: 'Điểm', en: 'Score' },
  'surveyImport.mapping.invalid': {
    vi: 'Chưa rõ cột nào là cột nào: {problems}. Hãy chọn lại vai trò của các cột.',
    en: "The columns are not clear: {problems}. Choose each column's role again.",
  },
  'surveyImport.cell': {
    vi: 'Dòng {row}, cột «{column}»: {message}',
    en: 'Row {row}, column "{column}": {message}',
  },
  'surveyImport.unit.unknown': {
    vi: 'Đơn vị «{code}» không tham gia đợt đánh giá này. Hãy sửa mã hoặc bỏ dòng.',
    en: 'Unit "{code}" does not take part in this period. Correct the code or remove the row.',
  },
  'surveyImport.criterion.notSurvey': {
    vi: 'Tiêu chí «{code}» không phải tiêu chí điều tra xã hội học trong bộ tiêu chí của nhóm «{group}». Hãy sửa mã tiêu chí.',
    en: 'Criterion "{code}" is not a survey criterion of group "{group}"\'s set. Correct the criterion code.',
  },
  'surveyImport.score.invalid': {
    vi: 'Điểm «{value}» không đọc được. Hãy ghi số có tối đa hai chữ số thập phân, ví dụ 3,25.',
    en: 'Score "{value}" cannot be read. Write a number with at most two decimals, e.g. 3.25.',
  },
  'surveyImport.score.outOfRange': {
    vi: 'Điểm {value} nằm ngoài khoảng 0 – {max} của tiêu chí «{code}». Hãy sửa điểm.',
    en: 'Score {value} is outside 0 – {max} for criterion "{code}". Correct the score.',
  },
  'surveyImport.row.duplicate': {
    vi: 'Đơn vị «{unit}», tiêu chí «{code}» đã có ở dòng {first}. Mỗi cặp chỉ ghi một lần.',
    en: 'Unit "{unit}", criterion "{code}" is already on row {first}. Give each pair once.',
  },
  'surveyImport.invalid': {
    vi: 'Tệp có {count} lỗi ở {rows} dòng; chưa nhập kết quả nào. Lỗi đầu tiên: {first}',
    en: 'The file has {count} error(s) on {rows} row(s); nothing was imported. First: {first}',
  },
} as const satisfies Record<string, Record<Locale, string>>;
