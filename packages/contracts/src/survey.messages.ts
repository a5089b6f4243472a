/** User-facing texts of surveys: questionnaires, campaigns, answers and results (issue 13). */
import type { Locale } from './locale';

export const surveyMessages = {
  'survey.key.invalid': {
    vi: 'Mã chỉ gồm chữ cái không dấu, chữ số, «-» hoặc «_», bắt đầu bằng chữ cái, tối đa 32 ký tự (ví dụ: c1, tiep_can).',
    en: 'A key holds unaccented letters, digits, "-" or "_", starts with a letter, up to 32 characters (e.g. q1, access).',
  },
  'survey.label.required': {
    vi: 'Hãy nhập nội dung (câu hỏi, tiêu đề hoặc phương án).',
    en: 'Enter the text (question, title or option).',
  },
  'survey.label.tooLong': {
    vi: 'Nội dung quá dài. Hãy rút gọn (câu hỏi, phương án tối đa 500 ký tự; hướng dẫn tối đa 1000).',
    en: 'The text is too long. Shorten it (questions and options up to 500 characters, help up to 1000).',
  },
  'survey.aspect.invalid': {
    vi: 'Khía cạnh không hợp lệ. Chọn một trong 5 khía cạnh SIPAS hoặc để trống.',
    en: 'Unknown aspect. Choose one of the five SIPAS aspects or none.',
  },
  'survey.question.type': {
    vi: 'Loại câu hỏi không hợp lệ. Chọn: một lựa chọn, nhiều lựa chọn, thang 1–5, số, văn bản ngắn hoặc văn bản dài.',
    en: 'Unknown question type. Choose single choice, multiple choice, 1–5 scale, number, short text or long text.',
  },
  'survey.options.count': {
    vi: 'Câu hỏi lựa chọn cần từ 2 đến 20 phương án.',
    en: 'A choice question needs 2 to 20 options.',
  },
  'survey.sections.count': {
    vi: 'Phiếu cần từ 1 đến 20 phần.',
    en: 'A questionnaire needs 1 to 20 sections.',
  },
  'survey.section.empty': {
    vi: 'Mỗi phần cần ít nhất một câu hỏi.',
    en: 'Each section needs at least one question.',
  },
  'survey.questions.tooMany': {
    vi: 'Phiếu có quá nhiều câu hỏi (tối đa 100). Hãy bớt câu hỏi hoặc tách thành phiếu khác.',
    en: 'Too many questions (at most 100). Remove some or split the questionnaire.',
  },
  'survey.section.duplicateKey': {
    vi: 'Mã phần bị trùng. Mỗi phần cần một mã riêng.',
    en: 'Duplicate section key. Each section needs its own key.',
  },
  'survey.question.duplicateKey': {
    vi: 'Mã câu hỏi «{key}» bị trùng. Mỗi câu hỏi cần một mã riêng trong cả phiếu.',
    en: 'Question key "{key}" is used twice. Each question needs its own key in the questionnaire.',
  },
  'survey.option.duplicateKey': {
    vi: 'Mã phương án «{key}» bị trùng trong câu hỏi này.',
    en: 'Option key "{key}" is used twice in this question.',
  },
  'survey.maxChoices.invalid': {
    vi: 'Số lựa chọn tối đa không được lớn hơn số phương án.',
    en: 'The most choices allowed cannot exceed the number of options.',
  },
  'survey.number.bounds': {
    vi: 'Giá trị nhỏ nhất phải không lớn hơn giá trị lớn nhất.',
    en: 'The minimum must not exceed the maximum.',
  },
  'survey.consentText.required': {
    vi: 'Phiếu có câu hỏi về thông tin cá nhân: hãy nhập lời đề nghị đồng ý cho phép sử dụng thông tin.',
    en: 'The questionnaire asks for personal data: enter the consent text shown to the citizen.',
  },
  'survey.showIf.question': {
    vi: 'Điều kiện hiển thị phải dựa vào một câu hỏi lựa chọn hoặc thang 1–5 đứng trước câu này («{key}» không phải).',
    en: 'A display condition must depend on an earlier choice or 1–5 scale question ("{key}" is not).',
  },
  'survey.showIf.value': {
    vi: 'Điều kiện hiển thị cần ít nhất một câu trả lời có trong câu hỏi đã chọn.',
    en: 'A display condition needs at least one answer that the chosen question offers.',
  },
  'survey.answers.invalid': {
    vi: 'Phiếu trả lời không đúng dạng. Hãy tải lại trang khảo sát và trả lời lại.',
    en: 'The answers are malformed. Reload the survey page and answer again.',
  },
  'survey.answer.unknown': {
    vi: 'Câu hỏi «{key}» không có trong phiếu này. Hãy tải lại trang khảo sát.',
    en: 'Question "{key}" is not in this questionnaire. Reload the survey page.',
  },
  'survey.answer.notShown': {
    vi: 'Câu hỏi này không áp dụng với câu trả lời trước đó của bạn. Hãy bỏ câu trả lời này.',
    en: 'This question does not apply given your earlier answer. Remove this answer.',
  },
  'survey.answer.required': {
    vi: 'Hãy trả lời câu hỏi này.',
    en: 'Answer this question.',
  },
  'survey.answer.option': {
    vi: 'Hãy chọn trong các phương án đã cho.',
    en: 'Choose among the options given.',
  },
  'survey.answer.tooManyChoices': {
    vi: 'Chỉ chọn tối đa {max} phương án.',
    en: 'Choose at most {max} options.',
  },
  'survey.answer.scale': {
    vi: 'Hãy chọn một mức từ 1 đến 5.',
    en: 'Choose a level from 1 to 5.',
  },
  'survey.answer.number': {
    vi: 'Hãy nhập một số.',
    en: 'Enter a number.',
  },
  'survey.answer.integer': {
    vi: 'Hãy nhập số nguyên (không có phần thập phân).',
    en: 'Enter a whole number.',
  },
  'survey.answer.min': {
    vi: 'Hãy nhập số không nhỏ hơn {min}.',
    en: 'Enter a number of at least {min}.',
  },
  'survey.answer.max': {
    vi: 'Hãy nhập số không lớn hơn {max}.',
    en: 'Enter a number of at most {max}.',
  },
  'survey.answer.text': {
    vi: 'Câu trả lời phải là văn bản thông thường. Hãy nhập lại.',
    en: 'The answer must be plain text. Type it again.',
  },
  'survey.answer.tooLong': {
    vi: 'Câu trả lời dài {length} ký tự, vượt quá {max}. Hãy rút gọn.',
    en: 'The answer has {length} characters, over {max}. Shorten it.',
  },
  'survey.consent.required': {
    vi: 'Bạn đã ghi thông tin cá nhân: hãy đánh dấu đồng ý cho phép sử dụng, hoặc bỏ trống các câu hỏi đó.',
    en: 'You gave personal data: tick the consent box, or leave those questions empty.',
  },
  'survey.device.invalid': {
    vi: 'Trình duyệt chưa tạo được mã thiết bị. Hãy bật lưu trữ dữ liệu trang (không dùng chế độ ẩn danh) rồi tải lại trang.',
    en: 'The browser could not create a device token. Allow site storage (no private mode) and reload the page.',
  },
  'survey.device.duplicate': {
    vi: 'Thiết bị này đã gửi phiếu khảo sát cho đơn vị này. Mỗi người chỉ trả lời một lần; cảm ơn bạn đã tham gia.',
    en: 'This device has already answered for this unit. Each person answers once; thank you for taking part.',
  },
  'survey.paperId.invalid': {
    vi: 'Số phiếu giấy gồm chữ, số, «-», «/», «.» hoặc «_», tối đa 64 ký tự. Hãy nhập đúng số in trên phiếu.',
    en: 'A paper form id holds letters, digits, "-", "/", "." or "_", up to 64 characters. Enter the id printed on the form.',
  },
  'survey.paper.duplicate': {
    vi: 'Phiếu giấy số «{paperId}» đã được nhập với câu trả lời khác. Hãy kiểm tra lại số phiếu; mỗi phiếu chỉ nhập một lần.',
    en: 'Paper form "{paperId}" was already entered with other answers. Check the id; each form is entered once.',
  },
  'survey.campaign.notFound': {
    vi: 'Không tìm thấy cuộc khảo sát. Hãy kiểm tra lại đường dẫn hoặc mã QR.',
    en: 'Survey not found. Check the link or QR code.',
  },
  'survey.campaign.unitUnknown': {
    vi: 'Đơn vị «{code}» không thuộc cuộc khảo sát này. Hãy kiểm tra lại đường dẫn hoặc mã QR.',
    en: 'Unit "{code}" is not part of this survey. Check the link or QR code.',
  },
  'survey.campaign.notOpen': {
    vi: 'Cuộc khảo sát chưa mở hoặc đã kết thúc nên không nhận thêm phiếu. Cảm ơn bạn đã quan tâm.',
    en: 'The survey is not open or has ended, so it takes no more answers. Thank you for your interest.',
  },
  'survey.campaign.notDraft': {
    vi: 'Cuộc khảo sát đã mở: chỉ sửa được nội dung khi còn ở trạng thái nháp.',
    en: 'The survey has been opened: it can only be edited while it is a draft.',
  },
  'survey.campaign.state': {
    vi: 'Không thể chuyển cuộc khảo sát từ trạng thái «{from}» sang «{to}». Hãy tải lại để xem trạng thái hiện tại.',
    en: 'The survey cannot go from "{from}" to "{to}". Reload to see its current state.',
  },
  'survey.campaign.version.stale': {
    vi: 'Cuộc khảo sát vừa được người khác thay đổi. Hãy tải lại để xem bản mới rồi thử lại.',
    en: 'Someone else has just changed this survey. Reload it to see the new version, then try again.',
  },
  'survey.campaign.units.required': {
    vi: 'Hãy chọn ít nhất một đơn vị được khảo sát (tối đa 2000), mỗi đơn vị một lần.',
    en: 'Choose at least one surveyed unit (at most 2000), each once.',
  },
  'survey.campaign.unitNotInPeriod': {
    vi: 'Đơn vị «{code}» không tham gia đợt đánh giá đã chọn. Hãy bỏ mã đó hoặc chọn đợt khác.',
    en: 'Unit "{code}" does not take part in the chosen period. Remove that code or choose another period.',
  },
  'survey.campaign.weightSection': {
    vi: 'Trọng số chỉ gắn được với phần có khía cạnh SIPAS của phiếu («{key}» không phải). Hãy sửa lại.',
    en: 'Weights go only to sections of the questionnaire that measure a SIPAS aspect ("{key}" does not).',
  },
  'survey.campaign.criterionSection': {
    vi: 'Tiêu chí «{code}» lấy kết quả từ phần «{key}» nhưng phiếu không có phần đó có khía cạnh SIPAS.',
    en: 'Criterion "{code}" takes the result of section "{key}", which the questionnaire lacks or which measures no SIPAS aspect.',
  },
  'survey.campaign.noAspect': {
    vi: 'Phiếu chưa có phần nào gắn khía cạnh SIPAS có câu hỏi thang 1–5, nên không tính được chỉ số hài lòng.',
    en: 'The questionnaire has no SIPAS-aspect section with a 1–5 scale question, so no satisfaction index can be computed.',
  },
  'survey.sample.margin': {
    vi: 'Sai số cho phép phải từ 1% đến 20%.',
    en: 'The margin of error must be between 1 % and 20 %.',
  },
  'survey.sample.population': {
    vi: 'Số hồ sơ phải là số nguyên từ 0 đến 10.000.000.',
    en: 'The number of dossiers must be a whole number from 0 to 10,000,000.',
  },
  'survey.questionnaire.notFound': {
    vi: 'Không tìm thấy phiếu khảo sát hoặc phiên bản đã chọn. Hãy tải lại danh sách.',
    en: 'Questionnaire or version not found. Reload the list.',
  },
  'survey.questionnaire.version.stale': {
    vi: 'Bản nháp phiếu vừa được người khác thay đổi. Hãy tải lại để xem bản mới rồi sửa lại.',
    en: 'Someone else has just changed this draft. Reload it to see the new version, then edit again.',
  },
  'survey.questionnaire.unchanged': {
    vi: 'Bản nháp giống hệt phiên bản {number} đã công bố: không cần công bố lại.',
    en: 'The draft is identical to published version {number}: nothing to publish.',
  },
  'survey.period.unavailable': {
    vi: 'Chưa lấy được thông tin đợt đánh giá từ dịch vụ đánh giá. Hãy thử lại sau ít phút.',
    en: 'The period could not be read from the assessment service. Try again in a few minutes.',
  },
} as const satisfies Record<string, Record<Locale, string>>;
