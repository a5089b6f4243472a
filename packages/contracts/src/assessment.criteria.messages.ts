/** User-facing texts of the criteria-set domain (indices, sets, nodes, rules, imports). */
import type { Locale } from './locale';
import { sheetMappingMessages } from './sheet-mapping.messages';

export const criteriaMessages = {
  'score.hundredths': {
    vi: 'Điểm phải là số không âm, tối đa hai chữ số thập phân (ví dụ 14,5).',
    en: 'A score is a non-negative number with at most two decimals (e.g. 14.5).',
  },
  'percent.basisPoints': {
    vi: 'Tỷ lệ phải từ 0 đến 100 %, tối đa hai chữ số thập phân.',
    en: 'A percentage is between 0 and 100 %, with at most two decimals.',
  },
  'index.code.format': {
    vi: 'Mã chỉ số gồm 1–32 ký tự, bắt đầu bằng chữ cái không dấu (ví dụ PAR, DTI).',
    en: 'An index code has 1–32 characters and starts with a letter (e.g. PAR, DTI).',
  },
  'criterion.code.format': {
    vi: 'Mã tiêu chí gồm các phần chữ hoặc số ngăn cách bằng dấu chấm, ví dụ 3.2.1 (tối đa 32 ký tự).',
    en: 'A criterion code is letters or digits separated by dots, e.g. 3.2.1 (at most 32 characters).',
  },
  'criterion.rule.type': {
    vi: 'Cách chấm điểm không hợp lệ. Chọn một trong: manual, options, ratio, boolean, deduction, survey, linked.',
    en: 'Unknown scoring rule. Use one of: manual, options, ratio, boolean, deduction, survey, linked.',
  },
  'index.name.length': {
    vi: 'Tên chỉ số cần từ 2 đến 200 ký tự.',
    en: 'An index name needs 2 to 200 characters.',
  },
  'index.code.taken': {
    vi: 'Mã chỉ số «{code}» đã có. Hãy chọn mã khác hoặc dùng chỉ số đã có.',
    en: 'Index code "{code}" already exists. Choose another code or use the existing index.',
  },
  'index.notFound': {
    vi: 'Chưa có chỉ số «{code}». Hãy tạo chỉ số này trước (mục Chỉ số) rồi tạo bộ tiêu chí.',
    en: 'There is no index "{code}". Create the index first, then the criteria set.',
  },
  'criteriaSet.id.format': {
    vi: 'Mã bộ tiêu chí không hợp lệ. Hãy mở lại bộ tiêu chí từ danh sách.',
    en: 'Not a valid criteria-set id. Open the set again from the list.',
  },
  'criteriaSet.year.range': {
    vi: 'Năm phải là số nguyên từ 2000 đến 2100.',
    en: 'The year must be a whole number from 2000 to 2100.',
  },
  'criteriaSet.unitGroup.required': {
    vi: 'Hãy chọn nhóm đơn vị áp dụng (tối đa 64 ký tự).',
    en: 'Choose the unit group the set applies to (at most 64 characters).',
  },
  'criteriaSet.name.length': {
    vi: 'Tên bộ tiêu chí cần từ 1 đến 200 ký tự.',
    en: 'A criteria-set name needs 1 to 200 characters.',
  },
  'criteriaSet.description.length': {
    vi: 'Mô tả tối đa 5.000 ký tự. Hãy rút gọn.',
    en: 'A description has at most 5,000 characters. Shorten it.',
  },
  'criteriaSet.nodes.tooMany': {
    vi: 'Một bộ tiêu chí có tối đa 2.000 tiêu chí. Hãy tách bớt.',
    en: 'A criteria set has at most 2,000 nodes. Split it.',
  },
  'criteriaSet.notFound': {
    vi: 'Không tìm thấy bộ tiêu chí. Có thể nó đã bị xoá; hãy tải lại danh sách.',
    en: 'Criteria set not found. It may have been deleted; reload the list.',
  },
  'criteriaSet.changed': {
    vi: 'Bộ tiêu chí vừa được người khác lưu (lần lưu thứ {version}). Thay đổi của bạn chưa được lưu; hãy xem bản hiện tại, làm lại thay đổi trên đó rồi lưu.',
    en: 'Someone else has just saved this criteria set (save {version}). Your changes were not saved; look at the current set, redo them there and save.',
  },
  'criteriaSet.inUse': {
    vi: 'Bộ tiêu chí «{name}» đang được dùng trong đợt đánh giá đã bắt đầu nên không thể sửa hay xoá. Hãy tạo phiên bản mới (nút «Tạo phiên bản mới») rồi sửa trên phiên bản đó.',
    en: 'Criteria set "{name}" is used by a period that has started, so it cannot change or be deleted. Make a new version ("New version") and edit that instead.',
  },
  'criteriaSet.usedByPeriods': {
    vi: 'Không thể xoá bộ tiêu chí «{name}» vì đợt đánh giá {periods} đang dùng nó. Hãy chọn bộ tiêu chí khác cho các đợt này (hoặc xoá các đợt đó) rồi xoá lại.',
    en: 'Criteria set "{name}" cannot be deleted: period(s) {periods} use it. Choose another set for those periods (or delete them), then try again.',
  },
  'criteriaSet.retired': {
    vi: 'Bộ tiêu chí «{name}» đã được thay bằng phiên bản mới nên không thể sửa hay xoá. Hãy sửa phiên bản mới nhất.',
    en: 'Criteria set "{name}" was replaced by a newer version, so it cannot change or be deleted. Edit the newest version.',
  },
  'criteriaSet.newVersion.isDraft': {
    vi: 'Bộ tiêu chí này còn là bản nháp, hãy sửa trực tiếp; chỉ cần tạo phiên bản mới khi bộ tiêu chí đã được dùng.',
    en: 'This set is still a draft: edit it directly. A new version is only needed once a set is in use.',
  },
  'criteriaSet.newVersion.exists': {
    vi: 'Đã có bản nháp phiên bản {edition} của bộ tiêu chí này. Hãy mở và sửa bản nháp đó.',
    en: 'A draft (version {edition}) of this set already exists. Open and edit that draft.',
  },
  'criteriaSet.template.notFound': {
    vi: 'Không có mẫu bộ tiêu chí «{key}». Hãy chọn một mẫu trong danh sách.',
    en: 'There is no criteria-set template "{key}". Choose one from the list.',
  },
  'criteriaSet.empty': {
    vi: 'Bộ tiêu chí chưa có tiêu chí nào. Hãy thêm lĩnh vực và tiêu chí, hoặc nhập từ tệp.',
    en: 'The set has no criteria yet. Add areas and criteria, or import a file.',
  },
  'criterion.code.duplicate': {
    vi: 'Mã «{code}» bị trùng với tiêu chí thứ {other}. Mỗi mã chỉ được dùng một lần; hãy đổi một trong hai mã.',
    en: 'Code "{code}" is also used by node {other}. Each code may be used once; change one of them.',
  },
  'criterion.parent.notFound': {
    vi: 'Không có tiêu chí cha «{parentCode}» trong bộ tiêu chí. Hãy thêm tiêu chí cha hoặc sửa mã tiêu chí cha.',
    en: 'Parent "{parentCode}" is not in the set. Add the parent or correct the parent code.',
  },
  'criterion.parent.cycle': {
    vi: 'Tiêu chí cha tạo thành vòng lặp ({path}). Hãy sửa mã tiêu chí cha để cây không quay vòng.',
    en: 'The parent codes form a loop ({path}). Fix the parent code so the tree has no loop.',
  },
  'criterion.rule.required': {
    vi: 'Tiêu chí «{code}» không có tiêu chí con nên cần có cách chấm điểm. Hãy chọn cách chấm điểm.',
    en: 'Criterion "{code}" has no children, so it needs a scoring rule. Choose one.',
  },
  'criterion.rule.notAllowed': {
    vi: 'Tiêu chí «{code}» có tiêu chí con nên điểm là tổng các tiêu chí con; hãy bỏ cách chấm điểm của nó.',
    en: 'Criterion "{code}" has children, so its score is their sum; remove its scoring rule.',
  },
  'criterion.rule.scoreAboveMax': {
    vi: 'Điểm {score} vượt điểm tối đa {max} của tiêu chí. Hãy giảm điểm hoặc tăng điểm tối đa.',
    en: 'Score {score} is above the criterion’s maximum {max}. Lower the score or raise the maximum.',
  },
  'criterion.rule.manualRange': {
    vi: 'Điểm thấp nhất ({min}) phải nhỏ hơn điểm cao nhất ({max}).',
    en: 'The lowest score ({min}) must be below the highest ({max}).',
  },
  'criterion.rule.stepTooLarge': {
    vi: 'Bước điểm {step} lớn hơn khoảng điểm của tiêu chí. Hãy chọn bước nhỏ hơn (ví dụ 0,25).',
    en: 'Step {step} is larger than the score range. Choose a smaller step (e.g. 0.25).',
  },
  'criterion.rule.optionKeyDuplicate': {
    vi: 'Phương án «{key}» bị trùng. Mỗi phương án cần một ký hiệu riêng.',
    en: 'Option "{key}" appears twice. Each option needs its own key.',
  },
  'criterion.rule.bandDuplicate': {
    vi: 'Mức {percent} % được khai báo hai lần. Mỗi mức tỷ lệ chỉ khai báo một lần.',
    en: 'Band {percent} % is given twice. Each band may appear once.',
  },
  'criterion.rule.linearRange': {
    vi: 'Tỷ lệ bắt đầu tính điểm ({from} %) phải nhỏ hơn tỷ lệ đạt điểm tối đa ({to} %).',
    en: 'The percentage where scoring starts ({from} %) must be below the one giving the maximum ({to} %).',
  },
  'criterion.rule.linkedSameIndex': {
    vi: 'Tiêu chí liên kết phải lấy kết quả từ một chỉ số khác (không phải {indexCode}).',
    en: 'A linked criterion must take its result from another index (not {indexCode}).',
  },
  'criterion.rule.linkedIndexMissing': {
    vi: 'Chỉ số {indexCode} chưa có bộ tiêu chí năm {year} để lấy kết quả. Hãy tạo bộ tiêu chí đó trước, hoặc sửa mã chỉ số.',
    en: 'Index {indexCode} has no criteria set for {year} to take the result from. Create that set first, or correct the index code.',
  },
  'criterion.rule.linkedCriterionMissing': {
    vi: 'Không bộ tiêu chí năm {year} nào của chỉ số {indexCode} có tiêu chí {criterionCode}. Hãy sửa mã tiêu chí liên kết.',
    en: 'No {year} criteria set of index {indexCode} has criterion {criterionCode}. Correct the linked criterion code.',
  },
  'criterion.deduction.maxNotZero': {
    vi: 'Tiêu chí điểm trừ có điểm tối đa 0 (điểm bị trừ khai báo trong cách chấm). Hãy đặt điểm tối đa là 0.',
    en: 'A deduction criterion has maximum 0 (the penalty is set in its rule). Set the maximum to 0.',
  },
  'criterion.max.sumMismatch': {
    vi: 'Điểm tối đa {max} khác tổng điểm tối đa các tiêu chí con ({sum}). Hãy sửa cho bằng nhau, hoặc đánh dấu «giới hạn điểm» nếu cố ý để thấp hơn.',
    en: 'Maximum {max} differs from the sum of its children’s maxima ({sum}). Make them equal, or mark it "capped" if it is deliberately lower.',
  },
  'criterion.max.cappedNotBelow': {
    vi: 'Tiêu chí được đánh dấu «giới hạn điểm» nhưng điểm tối đa {max} không thấp hơn tổng các tiêu chí con ({sum}). Hãy bỏ đánh dấu hoặc giảm điểm tối đa.',
    en: 'The criterion is marked capped but its maximum {max} is not below its children’s sum ({sum}). Unmark it or lower the maximum.',
  },
  'criterion.capped.leaf': {
    vi: 'Chỉ tiêu chí có tiêu chí con mới được đánh dấu «giới hạn điểm».',
    en: 'Only a criterion with children can be marked capped.',
  },
  'criterion.evidence.range': {
    vi: 'Số tài liệu kiểm chứng tối thiểu ({min}) không được lớn hơn tối đa ({max}).',
    en: 'The minimum number of evidence files ({min}) cannot exceed the maximum ({max}).',
  },
  'criteriaImport.row': {
    vi: 'Dòng {row}: {message}',
    en: 'Row {row}: {message}',
  },
  'criteriaImport.cell.required': {
    vi: 'Cột «{column}» đang trống. Hãy điền giá trị cho cột này.',
    en: 'Column "{column}" is empty. Fill it in.',
  },
  'criteriaImport.cell.tooLong': {
    vi: 'Cột «{column}» dài quá {max} ký tự. Hãy rút gọn.',
    en: 'Column "{column}" is longer than {max} characters. Shorten it.',
  },
  'criteriaImport.number.invalid': {
    vi: 'Cột «{column}»: «{value}» không phải là số hợp lệ (tối đa hai chữ số thập phân, ví dụ 14,5).',
    en: 'Column "{column}": "{value}" is not a valid number (at most two decimals, e.g. 14.5).',
  },
  'criteriaImport.count.invalid': {
    vi: 'Cột «{column}»: «{value}» không phải là số nguyên từ 0 đến 20.',
    en: 'Column "{column}": "{value}" is not a whole number from 0 to 20.',
  },
  'criteriaImport.boolean.invalid': {
    vi: 'Cột «{column}»: «{value}» không hợp lệ. Hãy ghi «có» hoặc «không».',
    en: 'Column "{column}": "{value}" is not valid. Write "yes" or "no".',
  },
  'criteriaImport.rule.type': {
    vi: 'Cách chấm điểm «{value}» không hợp lệ. Hãy dùng một trong: {types}.',
    en: 'Scoring rule "{value}" is not valid. Use one of: {types}.',
  },
  'criteriaImport.rule.details': {
    vi: 'Chi tiết cách chấm «{value}» không đọc được: {reason}. Xem hướng dẫn ghi chi tiết cách chấm trong tệp mẫu.',
    en: 'Rule details "{value}" cannot be read: {reason}. See how to write rule details in the template.',
  },
  'criteriaImport.code.duplicate': {
    vi: 'Mã «{code}» đã xuất hiện ở dòng {otherRow}. Mỗi mã chỉ được dùng một lần; hãy sửa hoặc xoá một trong hai dòng.',
    en: 'Code "{code}" also appears on row {otherRow}. Each code may appear once; change or remove one of the rows.',
  },
  'criteriaImport.parent.notFound': {
    vi: 'Không có dòng nào mang mã tiêu chí cha «{parentCode}». Hãy thêm dòng tiêu chí cha hoặc sửa cột mã tiêu chí cha.',
    en: 'No row has the parent code "{parentCode}". Add the parent row or correct the parent code column.',
  },
  'criteriaImport.parent.cycle': {
    vi: 'Tiêu chí cha tạo thành vòng lặp ({path}). Hãy sửa cột mã tiêu chí cha để cây không quay vòng.',
    en: 'The parent codes form a loop ({path}). Fix the parent code column so the tree has no loop.',
  },
  'criteriaImport.total.mismatch': {
    vi: 'Dòng tổng ghi {value} điểm nhưng tổng điểm tối đa các lĩnh vực là {computed}. Hãy kiểm tra điểm tối đa các dòng hoặc sửa dòng tổng.',
    en: 'The total row says {value} points but the areas add up to {computed}. Check the rows’ maxima or correct the total row.',
  },
  'criteriaImport.file.tooLarge': {
    vi: 'Tệp quá lớn ({size}); tối đa 2 MB. Hãy bỏ bớt nội dung (ví dụ phần hướng dẫn dài) rồi nhập lại.',
    en: 'The file is too large ({size}); at most 2 MB. Remove some content (e.g. long guidance) and import again.',
  },
  'criteriaImport.file.unpackedTooLarge': {
    vi: 'Tệp Excel này giải nén ra quá lớn (quá {max} hoặc quá {maxEntries} thành phần); một bảng tiêu chí không lớn như vậy. Hãy chép các dòng sang tệp mẫu rồi nhập tệp đó.',
    en: 'This Excel file unpacks too large (over {max} or over {maxEntries} parts); a criteria sheet is never that large. Copy the rows into the template and import that file.',
  },
  'criteriaImport.file.tooManyRows': {
    vi: 'Tệp có {count} dòng dữ liệu; tối đa 5.000 dòng.',
    en: 'The file has {count} data rows; at most 5,000.',
  },
  'criteriaImport.file.unsupported': {
    vi: 'Tệp không phải là CSV (UTF-8), Excel (.xlsx) hay JSON xuất từ cổng. Hãy lưu tệp theo một trong các định dạng đó, dựa trên tệp mẫu.',
    en: 'The file is not CSV (UTF-8), Excel (.xlsx) or JSON exported by the portal. Save it in one of those formats, starting from the template.',
  },
  'criteriaImport.file.empty': {
    vi: 'Tệp không có dòng tiêu chí nào dưới dòng tiêu đề. Hãy điền tiêu chí vào tệp mẫu rồi thử lại.',
    en: 'The file has no criteria rows under the header. Fill in the template and try again.',
  },
  'criteriaImport.header.missing': {
    vi: 'Dòng tiêu đề thiếu cột {columns}. Hãy dùng dòng tiêu đề của tệp mẫu.',
    en: 'The header row lacks column(s) {columns}. Use the header row of the template.',
  },
  'criteriaImport.json.invalid': {
    vi: 'Tệp JSON không đúng định dạng bộ tiêu chí của cổng ({reason}). Hãy dùng tệp JSON xuất từ cổng.',
    en: 'The JSON file is not a criteria set exported by the portal ({reason}). Use a JSON file exported by the portal.',
  },
  'criteriaImport.rowsInvalid': {
    vi: 'Tệp có lỗi ở dòng {rows}; chưa nhập tiêu chí nào. Hãy sửa các dòng này rồi nhập lại.',
    en: 'The file has errors on row(s) {rows}; nothing was imported. Fix these rows and import again.',
  },
  'criteriaImport.ruleReason.unknownKey': {
    vi: 'không hiểu «{key}»',
    en: '"{key}" is not understood',
  },
  'criteriaImport.ruleReason.number': {
    vi: 'giá trị của «{key}» không phải là số (tối đa hai chữ số thập phân)',
    en: 'the value of "{key}" is not a number (at most two decimals)',
  },
  'criteriaImport.ruleReason.missing': {
    vi: 'thiếu «{key}»',
    en: '"{key}" is missing',
  },
  'criteriaImport.ruleReason.options': {
    vi: 'mỗi phương án viết dạng «A: nội dung = điểm», các phương án cách nhau bằng dấu |, ít nhất hai phương án',
    en: 'write each option as "A: label = score", separated by |, at least two options',
  },
  'criteriaImport.ruleReason.scale': {
    vi: 'cần các mức dạng «90%=1,5» hoặc một thang tuyến tính «linear=0%-100%»',
    en: 'give bands such as "90%=1.5" or a linear scale "linear=0%-100%"',
  },
  'criteriaImport.ruleReason.invalid': {
    vi: 'giá trị «{field}» không hợp lệ',
    en: 'the value of "{field}" is not valid',
  },
  'criteriaSet.template.source': {
    vi: 'Tạo từ mẫu: {source}',
    en: 'Created from a template: {source}',
  },
  // Reading a province's own sheet (criteria and units imports share the mapping texts).
  ...sheetMappingMessages,
} as const satisfies Record<string, Record<Locale, string>>;
