/**
 * The error catalogue: every user-facing text, each domain's from its `<domain>.messages.ts`,
 * with the error codes and their default texts (`error-codes.ts`). Messages say what to do.
 */
import type { Locale } from './locale';
import { errorMessages, fillPlaceholders } from './error-codes';
import { criteriaMessages } from './assessment.criteria.messages';
import { periodMessages } from './assessment.periods.messages';
import { evidenceMessages } from './evidence.messages';
import { selfAssessmentMessages } from './assessment.self-assessments.messages';
import { accountJobMessages } from './accounts.jobs.messages';
import { appraisalMessages } from './appraisal.messages';
import { surveyMessages } from './survey.messages';
import { consultationMessages } from './survey.consultations.messages';
import { questionMessages } from './survey.questions.messages';
import { rankingMessages } from './ranking.messages';
import { pastResultsMessages } from './ranking.past-results.messages';

export type { Locale };
export * from './error-codes';

/**
 * What a service puts in a domain error's `data` so that the far side of NATS can render it in
 * the caller's language: a message key from the catalogue with its parameters, and the fields.
 */
export interface ErrorData {
  key: MessageKey;
  params?: Record<string, string | number>;
  fields?: Array<{ field: string; key?: MessageKey; message?: string }>;
  /** The current record, passed through to the client on a 409 for a stale save. */
  current?: unknown;
  /** What went wrong inside (an exception's text), for the gateway's log; never sent to clients. */
  cause?: string;
}

const coreMessages = {
  ...errorMessages,
  'deadline.passed': {
    vi: 'Đã hết hạn của giai đoạn này lúc {time} ngày {date} (giờ Việt Nam). Liên hệ Sở Nội vụ nếu cần hỗ trợ.',
    en: 'The deadline of this phase passed at {time} on {date} (Vietnam time). Contact the Department of Home Affairs if you need help.',
  },
  'deadline.passed.selfAssessment': {
    vi: 'Đã hết hạn tự đánh giá lúc {time} ngày {date} (giờ Việt Nam); không thể lưu hay gửi thêm. Liên hệ Sở Nội vụ để được gia hạn.',
    en: 'The self-assessment deadline passed at {time} on {date} (Vietnam time); nothing more can be saved or submitted. Contact the Department of Home Affairs for an extension.',
  },
  'deadline.passed.selfAssessment.extended': {
    vi: 'Đã hết hạn tự đánh giá được gia hạn cho đơn vị lúc {time} ngày {date} (giờ Việt Nam; hạn chung là {commonTime} ngày {commonDate}); không thể lưu hay gửi thêm. Liên hệ Sở Nội vụ nếu cần gia hạn thêm.',
    en: "The unit's extended self-assessment deadline passed at {time} on {date} (Vietnam time; the common deadline was {commonTime} on {commonDate}); nothing more can be saved or submitted. Contact the Department of Home Affairs if you need more time.",
  },
  'deadline.passed.clarification': {
    vi: 'Đã hết hạn giải trình lúc {time} ngày {date} (giờ Việt Nam); không thể lưu hay gửi thêm. Liên hệ Sở Nội vụ để được gia hạn.',
    en: 'The clarification deadline passed at {time} on {date} (Vietnam time); nothing more can be saved or sent. Contact the Department of Home Affairs for an extension.',
  },
  'deadline.passed.clarification.extended': {
    vi: 'Đã hết hạn giải trình được gia hạn cho đơn vị lúc {time} ngày {date} (giờ Việt Nam; hạn chung là {commonTime} ngày {commonDate}); không thể lưu hay gửi thêm. Liên hệ Sở Nội vụ nếu cần gia hạn thêm.',
    en: "The unit's extended clarification deadline passed at {time} on {date} (Vietnam time; the common deadline was {commonTime} on {commonDate}); nothing more can be saved or sent. Contact the Department of Home Affairs if you need more time.",
  },
  'error.routeNotFound': {
    vi: 'Không có địa chỉ API này. Hãy kiểm tra lại đường dẫn.',
    en: 'No such API route. Check the path.',
  },
  'field.required': {
    vi: 'Trường này là bắt buộc.',
    en: 'This field is required.',
  },
  'unit.code.format': {
    vi: 'Mã đơn vị gồm 1–32 ký tự: chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.',
    en: 'A unit code has 1–32 characters: letters without diacritics, digits, dot, dash or underscore.',
  },
  'unit.code.taken': {
    vi: 'Mã đơn vị «{code}» đã được dùng cho đơn vị khác. Hãy chọn mã khác.',
    en: 'Unit code "{code}" is already used by another unit. Choose another code.',
  },
  'unit.name.length': {
    vi: 'Tên đơn vị cần từ 2 đến 200 ký tự.',
    en: 'A unit name needs 2 to 200 characters.',
  },
  'unit.kind.invalid': {
    vi: 'Loại đơn vị không hợp lệ. Hãy chọn một loại trong danh sách.',
    en: 'Unknown unit kind. Pick one from the list.',
  },
  'unit.parent.notFound': {
    vi: 'Không tìm thấy đơn vị cấp trên đã chọn. Hãy chọn lại đơn vị cấp trên.',
    en: 'The chosen parent unit does not exist. Choose the parent again.',
  },
  'unit.notFound': {
    vi: 'Không tìm thấy đơn vị. Có thể mã hoặc đường dẫn đã sai; hãy tải lại danh sách đơn vị.',
    en: 'Unit not found. The code or link may be wrong; reload the list of units.',
  },
  'unit.own.notFound': {
    vi: 'Tài khoản của bạn được gắn với đơn vị mã «{code}», nhưng đơn vị này không có trong danh sách đơn vị của cổng. Hãy liên hệ quản trị viên (Sở Nội vụ) để gắn lại đơn vị cho tài khoản.',
    en: 'Your account is bound to unit code "{code}", but the portal has no such unit. Ask an administrator (Department of Home Affairs) to bind your account to the right unit.',
  },
  'unit.version.stale': {
    vi: 'Đơn vị «{code}» vừa được người khác thay đổi (phiên bản {version}). Chưa có gì được lưu; hãy tải lại để xem dữ liệu mới rồi thực hiện lại.',
    en: 'Unit "{code}" was just changed by someone else (version {version}). Nothing was saved; reload to see the new data and try again.',
  },
  'unit.parent.self': {
    vi: 'Một đơn vị không thể là đơn vị cấp trên của chính nó. Hãy chọn đơn vị cấp trên khác.',
    en: 'A unit cannot be its own parent. Choose another parent.',
  },
  'unit.parent.cycle': {
    vi: 'Không thể chọn «{parent}» làm đơn vị cấp trên vì «{parent}» đang trực thuộc đơn vị này ({path}). Hãy chọn đơn vị cấp trên khác.',
    en: '"{parent}" cannot be the parent because it is below this unit ({path}). Choose another parent.',
  },
  'unit.parent.inactive': {
    vi: 'Đơn vị cấp trên «{code}» đã ngừng hoạt động từ năm {year}. Hãy chọn một đơn vị đang hoạt động.',
    en: 'Parent unit "{code}" is inactive since {year}. Choose an active unit.',
  },
  'unit.year.invalid': {
    vi: 'Năm không hợp lệ. Hãy nhập năm gồm 4 chữ số, ví dụ 2025.',
    en: 'Not a valid year. Enter a four-digit year, e.g. 2025.',
  },
  'unit.year.beforeActiveFrom': {
    vi: 'Đơn vị «{code}» bắt đầu hoạt động từ năm {activeFrom}; năm {year} là quá sớm. Hãy chọn năm từ {min} trở đi.',
    en: 'Unit "{code}" is active from {activeFrom}; {year} is too early. Choose {min} or later.',
  },
  'unit.inactive': {
    vi: 'Đơn vị «{code}» đã ngừng hoạt động từ năm {since}, nên không thể thay đổi từ năm {year}. Hãy chọn đơn vị khác hoặc năm khác.',
    en: 'Unit "{code}" is inactive since {since}, so it cannot change from {year}. Choose another unit or year.',
  },
  'unit.alreadyInactive': {
    vi: 'Đơn vị «{code}» đã ngừng hoạt động từ năm {since}. Không cần cho ngừng hoạt động lần nữa.',
    en: 'Unit "{code}" is already inactive since {since}.',
  },
  'unit.children.active': {
    vi: 'Đơn vị «{code}» còn đơn vị trực thuộc đang hoạt động: {children}. Hãy chuyển các đơn vị này sang đơn vị cấp trên khác hoặc cho chúng ngừng hoạt động trước.',
    en: 'Unit "{code}" still has active units below it: {children}. Move them to another parent or end them first.',
  },
  'unit.merge.sources': {
    vi: 'Hãy chọn ít nhất một đơn vị được sáp nhập.',
    en: 'Choose at least one unit to merge.',
  },
  'unit.merge.tooFew': {
    vi: 'Sáp nhập thành đơn vị mới cần ít nhất hai đơn vị. Hãy chọn thêm đơn vị, hoặc dùng «Đổi tên» cho một đơn vị.',
    en: 'Merging into a new unit needs at least two units. Choose more units, or use "Rename" for one unit.',
  },
  'unit.merge.self': {
    vi: 'Không thể sáp nhập đơn vị «{code}» vào chính nó. Hãy bỏ đơn vị này khỏi danh sách đơn vị được sáp nhập.',
    en: 'Unit "{code}" cannot be merged into itself. Remove it from the units to merge.',
  },
  'unit.merge.duplicate': {
    vi: 'Đơn vị «{code}» được chọn hơn một lần. Mỗi đơn vị chỉ chọn một lần.',
    en: 'Unit "{code}" is chosen more than once. Choose each unit once.',
  },
  'unit.split.count': {
    vi: 'Chia tách cần ít nhất hai đơn vị mới. Hãy thêm đơn vị mới.',
    en: 'A split needs at least two new units. Add another new unit.',
  },
  'unit.code.duplicate': {
    vi: 'Mã «{code}» xuất hiện nhiều lần trong các đơn vị mới. Mỗi đơn vị mới cần một mã riêng.',
    en: 'Code "{code}" appears more than once among the new units. Give each new unit its own code.',
  },
  'unit.rename.beforeLast': {
    vi: 'Đơn vị «{code}» đã có tên mới từ năm {last}. Năm đổi tên cần từ {last} trở đi.',
    en: 'Unit "{code}" already has a new name from {last}. The rename year must be {last} or later.',
  },
  'unit.reason.length': {
    vi: 'Lý do cần từ 3 đến 500 ký tự.',
    en: 'The reason needs 3 to 500 characters.',
  },
  'unit.restructure.interrupted': {
    vi: 'Thao tác bị dừng vì đơn vị «{code}» vừa được người khác thay đổi. Các thay đổi đã được hoàn tác, dữ liệu như trước; hãy tải lại rồi thực hiện lại.',
    en: 'Stopped because unit "{code}" was just changed by someone else. What had been written was undone; reload and try again.',
  },
  'unitImport.row': {
    vi: 'Dòng {row}: {message}',
    en: 'Row {row}: {message}',
  },
  'unitImport.cell.required': {
    vi: 'Cột «{column}» đang trống. Hãy điền giá trị cho cột này.',
    en: 'Column "{column}" is empty. Fill it in.',
  },
  'unitImport.cell.tooLong': {
    vi: 'Cột «{column}» dài quá {max} ký tự. Hãy rút gọn.',
    en: 'Column "{column}" is longer than {max} characters. Shorten it.',
  },
  'unitImport.kind.invalid': {
    vi: 'Loại «{kind}» không hợp lệ. Hãy dùng một trong các loại: {kinds}.',
    en: 'Kind "{kind}" is not valid. Use one of: {kinds}.',
  },
  'unitImport.code.duplicate': {
    vi: 'Mã «{code}» đã xuất hiện ở dòng {otherRow}. Mỗi mã chỉ được dùng một lần; hãy sửa hoặc xoá một trong hai dòng.',
    en: 'Code "{code}" also appears on row {otherRow}. Each code may appear once; change or remove one of the rows.',
  },
  'unitImport.code.exists': {
    vi: 'Mã «{code}» đã có trong hệ thống. Hãy đổi mã hoặc xoá dòng này khỏi tệp.',
    en: 'Code "{code}" already exists. Change the code or remove this row from the file.',
  },
  'unitImport.parent.notFound': {
    vi: 'Không tìm thấy đơn vị cấp trên «{parentCode}» trong hệ thống hay trong tệp. Hãy kiểm tra mã đơn vị cấp trên.',
    en: 'Parent unit "{parentCode}" is neither in the system nor in the file. Check the parent code.',
  },
  'unitImport.parent.cycle': {
    vi: 'Đơn vị cấp trên tạo thành vòng lặp ({path}). Hãy sửa cột mã đơn vị cấp trên để cây đơn vị không quay vòng.',
    en: 'The parent codes form a loop ({path}). Fix the parent code column so the tree has no loop.',
  },
  'unitImport.file.tooLarge': {
    vi: 'Tệp quá lớn ({size}); tối đa 2 MB. Hãy chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt.',
    en: 'The file is too large ({size}); at most 2 MB. Split it into smaller files and import them one by one.',
  },
  'unitImport.file.unpackedTooLarge': {
    vi: 'Tệp Excel này giải nén ra quá lớn (quá {max} hoặc quá {maxEntries} thành phần); một bảng đơn vị không lớn như vậy. Hãy chép các dòng sang tệp mẫu rồi nhập tệp đó.',
    en: 'This Excel file unpacks too large (over {max} or over {maxEntries} parts); a units sheet is never that large. Copy the rows into the template and import that file.',
  },
  'unitImport.file.tooManyRows': {
    vi: 'Tệp có {count} dòng dữ liệu; tối đa 5.000 dòng. Hãy chia thành nhiều tệp rồi nhập lần lượt.',
    en: 'The file has {count} data rows; at most 5,000. Split it into several files and import them one by one.',
  },
  'unitImport.file.unsupported': {
    vi: 'Tệp không phải là CSV (UTF-8) hoặc Excel (.xlsx). Hãy lưu tệp theo một trong hai định dạng đó, dựa trên tệp mẫu.',
    en: 'The file is not CSV (UTF-8) or Excel (.xlsx). Save it in one of those formats, starting from the template.',
  },
  'unitImport.file.empty': {
    vi: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề. Hãy điền đơn vị vào tệp mẫu rồi thử lại.',
    en: 'The file has no data rows under the header. Fill in the template and try again.',
  },
  'unitImport.header.missing': {
    vi: 'Dòng tiêu đề thiếu cột {columns}. Hãy dùng dòng tiêu đề của tệp mẫu.',
    en: 'The header row lacks column(s) {columns}. Use the header row of the template.',
  },
  'unitImport.rowsInvalid': {
    vi: 'Tệp có lỗi ở dòng {rows}; chưa nhập đơn vị nào. Hãy sửa các dòng này rồi nhập lại.',
    en: 'The file has errors on row(s) {rows}; no unit was imported. Fix these rows and import again.',
  },
  'unitImport.interrupted': {
    vi: 'Việc nhập bị gián đoạn ở mã «{code}» (có thể vừa có người tạo cùng mã). Các đơn vị vừa nhập đã được huỷ, dữ liệu không thay đổi. Hãy xem trước rồi nhập lại.',
    en: 'The import was interrupted at code "{code}" (someone may have just created it). The units it had created were removed; nothing changed. Preview and import again.',
  },
  'account.role.unknown': {
    vi: 'Vai trò không tồn tại. Hãy chọn một trong các vai trò: data-entry, appraisal, admin, unit-approver.',
    en: 'Unknown role. Choose one of: data-entry, appraisal, admin, unit-approver.',
  },
  'account.roles.required': {
    vi: 'Hãy chọn ít nhất một vai trò cho tài khoản.',
    en: 'Choose at least one role for the account.',
  },
  'account.username.format': {
    vi: 'Tên đăng nhập gồm 3–64 ký tự: chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.',
    en: 'A username has 3–64 characters: letters without diacritics, digits, dot, dash or underscore.',
  },
  'account.username.taken': {
    vi: 'Tên đăng nhập «{username}» đã có tài khoản khác dùng. Hãy chọn tên khác.',
    en: 'Username "{username}" is already taken. Choose another one.',
  },
  'account.username.oneUnitOnly': {
    vi: 'Chỉ đặt tên đăng nhập riêng khi tạo tài khoản cho một đơn vị.',
    en: 'A chosen username is only possible when creating an account for one unit.',
  },
  'account.units.required': {
    vi: 'Hãy chọn một đơn vị hoặc một nhóm đơn vị.',
    en: 'Choose a unit or a unit group.',
  },
  'account.unit.notFound': {
    vi: 'Không tìm thấy đơn vị có mã «{code}». Hãy chọn một đơn vị có trong danh sách.',
    en: 'There is no unit with code "{code}". Choose a unit from the list.',
  },
  'account.unitGroup.empty': {
    vi: 'Nhóm đơn vị «{group}» chưa có đơn vị nào. Hãy chọn nhóm khác.',
    en: 'Unit group "{group}" has no units. Choose another group.',
  },
  'account.name.length': {
    vi: 'Họ, tên cần tối đa 100 ký tự.',
    en: 'A name has at most 100 characters.',
  },
  'account.email.format': {
    vi: 'Địa chỉ thư điện tử không hợp lệ.',
    en: 'Not a valid e-mail address.',
  },
  'account.email.taken': {
    vi: 'Địa chỉ thư điện tử «{email}» đã có tài khoản khác dùng. Mỗi tài khoản cần một địa chỉ riêng.',
    en: 'E-mail address "{email}" is already used by another account. Each account needs its own.',
  },
  'account.notFound': {
    vi: 'Không tìm thấy tài khoản. Có thể nó đã bị xoá trong Keycloak; hãy tải lại trang.',
    en: 'Account not found. It may have been deleted in Keycloak; reload the page.',
  },
  'account.self.removeAdmin': {
    vi: 'Bạn không thể tự bỏ vai trò quản trị (admin) của chính mình. Hãy nhờ một quản trị viên khác làm việc này.',
    en: 'You cannot remove your own admin role. Ask another administrator to do it.',
  },
  'account.self.disable': {
    vi: 'Bạn không thể tự khoá tài khoản của chính mình. Hãy nhờ một quản trị viên khác làm việc này.',
    en: 'You cannot disable your own account. Ask another administrator to do it.',
  },
  'account.protected.realmManagement': {
    vi: 'Tài khoản «{username}» có quyền quản trị Keycloak (realm-management) nên cổng thông tin không được đặt lại mật khẩu, đổi vai trò, đổi đơn vị hay khoá tài khoản này. Hãy nhờ quản trị viên hệ thống thực hiện trong trang quản trị Keycloak.',
    en: 'Account "{username}" holds Keycloak administration (realm-management) roles, so the portal may not reset its password, change its roles or unit, or disable it. Ask the system administrator to do it in the Keycloak console.',
  },
  'account.protected.serviceAccount': {
    vi: 'Tài khoản «{username}» là tài khoản dịch vụ của một ứng dụng, không phải của người dùng, nên không thể thay đổi trong cổng thông tin. Hãy nhờ quản trị viên hệ thống thực hiện trong trang quản trị Keycloak.',
    en: 'Account "{username}" is the service account of an application, not a person, so it cannot be changed in the portal. Ask the system administrator to do it in the Keycloak console.',
  },
  'account.create.failed': {
    vi: 'Không tạo được tài khoản «{username}». Tài khoản dở dang đã được xoá, chưa có tài khoản nào được tạo trong lần này; hãy thử lại sau ít phút.',
    en: 'Could not create account "{username}". The partial account was removed; no account was created this time. Try again in a few minutes.',
  },
  'account.keycloak.unavailable': {
    vi: 'Không kết nối được máy chủ định danh (Keycloak). Hãy thử lại sau ít phút; nếu vẫn lỗi, báo cho quản trị viên hệ thống.',
    en: 'The identity server (Keycloak) cannot be reached. Try again in a few minutes; if it persists, tell the system administrator.',
  },
  'account.token.revoked': {
    vi: 'Tài khoản đã bị khoá hoặc phiên đã bị thu hồi. Hãy đăng nhập lại; nếu không đăng nhập được, liên hệ Sở Nội vụ.',
    en: 'The account has been disabled or the session revoked. Log in again; if you cannot, contact the Department of Home Affairs.',
  },
  'account.revocations.unavailable': {
    vi: 'Cổng API chưa tải được danh sách phiên đã thu hồi từ dịch vụ tài khoản. Hãy thử lại sau ít phút.',
    en: 'The API gateway has not yet loaded the revoked sessions from the accounts service. Try again in a few minutes.',
  },
  'accountRequest.role.notRequestable': {
    vi: 'Chỉ đề nghị được vai trò nhập liệu (data-entry), có thể kèm lãnh đạo duyệt (unit-approver). Tài khoản thẩm định hoặc quản trị do quản trị viên cấp trực tiếp.',
    en: 'Only data entry (data-entry), optionally with unit approval (unit-approver), can be requested. Appraisal and admin accounts are issued by an administrator directly.',
  },
  'accountRequest.role.dataEntry': {
    vi: 'Người được đề nghị cần có vai trò nhập liệu (data-entry); lãnh đạo duyệt (unit-approver) chỉ đi kèm vai trò này.',
    en: 'Each person needs the data-entry role; unit-approver only comes together with it.',
  },
  'accountRequest.people.required': {
    vi: 'Hãy thêm ít nhất một người cần cấp tài khoản.',
    en: 'Add at least one person who needs an account.',
  },
  'accountRequest.people.tooMany': {
    vi: 'Mỗi đề nghị có tối đa 50 người. Hãy chia thành nhiều đề nghị.',
    en: 'A request holds at most 50 people. Split it into several requests.',
  },
  'accountRequest.reason.length': {
    vi: 'Lý do cần tối đa 1000 ký tự.',
    en: 'A reason has at most 1000 characters.',
  },
  'accountRequest.requester.noUnit': {
    vi: 'Tài khoản của bạn chưa gắn với đơn vị nào nên chưa thể đề nghị cấp tài khoản. Hãy liên hệ quản trị viên để được gắn đơn vị.',
    en: 'Your account is not bound to a unit, so you cannot request accounts yet. Ask an administrator to bind it to your unit.',
  },
  'accountRequest.unit.outsideSubtree': {
    vi: 'Đơn vị «{code}» không thuộc đơn vị của bạn ({unit}). Chỉ đề nghị được cho đơn vị mình hoặc đơn vị trực thuộc; hãy chọn lại đơn vị.',
    en: 'Unit "{code}" is not under your unit ({unit}). You can only request accounts for your unit or a unit below it; choose another unit.',
  },
  'accountRequest.notFound': {
    vi: 'Không tìm thấy đề nghị cấp tài khoản. Có thể đường dẫn đã cũ; hãy tải lại danh sách.',
    en: 'Account request not found. The link may be outdated; reload the list.',
  },
  'accountRequest.alreadyDecided': {
    vi: 'Đề nghị này đã được xử lý (trạng thái: {status}). Hãy tải lại danh sách để xem kết quả.',
    en: 'This request has already been decided (status: {status}). Reload the list to see the outcome.',
  },
  'accountRequest.changed': {
    vi: 'Đề nghị vừa được người khác thay đổi. Hãy tải lại danh sách rồi thử lại.',
    en: 'Someone else has just changed this request. Reload the list and try again.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

/** Every message; each domain keeps its own texts in `<domain>.messages.ts`. */
export const messages = {
  ...coreMessages,
  ...criteriaMessages,
  ...periodMessages,
  ...evidenceMessages,
  ...selfAssessmentMessages,
  ...accountJobMessages,
  ...appraisalMessages,
  ...surveyMessages,
  ...consultationMessages,
  ...questionMessages,
  ...rankingMessages,
  ...pastResultsMessages,
};

export type MessageKey = keyof typeof messages;

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(messages, value);
}

/** Renders a catalogue message, filling `{name}` placeholders. */
export function formatMessage(
  key: MessageKey,
  params: Record<string, string | number> = {},
  locale: Locale = 'vi',
): string {
  return fillPlaceholders(messages[key][locale], params);
}
