/**
 * Demo data for `./portal start`: a province after the 2025 reform (no district level) with
 * some of its departments and communes, and one account per role. Sample data, not official.
 */
export interface DemoUnit {
  code: string;
  name: string;
  kind: 'province' | 'department' | 'agency' | 'commune' | 'ward';
  parent?: string;
  unitGroup?: string;
}

export const demoUnits: DemoUnit[] = [
  { code: 'PT', name: 'Ủy ban nhân dân tỉnh Phú Thọ (dữ liệu mẫu)', kind: 'province' },
  {
    code: 'VP-UBND',
    name: 'Văn phòng Ủy ban nhân dân tỉnh',
    kind: 'agency',
    parent: 'PT',
    unitGroup: 'so-nganh',
  },
  { code: 'SNV', name: 'Sở Nội vụ', kind: 'department', parent: 'PT', unitGroup: 'so-nganh' },
  { code: 'STP', name: 'Sở Tư pháp', kind: 'department', parent: 'PT', unitGroup: 'so-nganh' },
  { code: 'STC', name: 'Sở Tài chính', kind: 'department', parent: 'PT', unitGroup: 'so-nganh' },
  { code: 'SXD', name: 'Sở Xây dựng', kind: 'department', parent: 'PT', unitGroup: 'so-nganh' },
  { code: 'SYT', name: 'Sở Y tế', kind: 'department', parent: 'PT', unitGroup: 'so-nganh' },
  {
    code: 'SGDDT',
    name: 'Sở Giáo dục và Đào tạo',
    kind: 'department',
    parent: 'PT',
    unitGroup: 'so-nganh',
  },
  {
    code: 'SKHCN',
    name: 'Sở Khoa học và Công nghệ',
    kind: 'department',
    parent: 'PT',
    unitGroup: 'so-nganh',
  },
  {
    code: 'SNNMT',
    name: 'Sở Nông nghiệp và Môi trường',
    kind: 'department',
    parent: 'PT',
    unitGroup: 'so-nganh',
  },
  { code: 'SCT', name: 'Sở Công Thương', kind: 'department', parent: 'PT', unitGroup: 'so-nganh' },
  {
    code: 'SVHTTDL',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    kind: 'department',
    parent: 'PT',
    unitGroup: 'so-nganh',
  },
  {
    code: 'P-VIETTRI',
    name: 'Phường Việt Trì',
    kind: 'ward',
    parent: 'PT',
    unitGroup: 'xa-phuong',
  },
  {
    code: 'P-NONGTRANG',
    name: 'Phường Nông Trang',
    kind: 'ward',
    parent: 'PT',
    unitGroup: 'xa-phuong',
  },
  { code: 'X-THANHBA', name: 'Xã Thanh Ba', kind: 'commune', parent: 'PT', unitGroup: 'xa-phuong' },
  { code: 'X-HAHOA', name: 'Xã Hạ Hòa', kind: 'commune', parent: 'PT', unitGroup: 'xa-phuong' },
  { code: 'X-CAMKHE', name: 'Xã Cẩm Khê', kind: 'commune', parent: 'PT', unitGroup: 'xa-phuong' },
];

export interface DemoAccount {
  username: string;
  firstName: string;
  lastName: string;
  roles: string[];
  clientRoles?: string[];
  unit: string;
  description: string;
}

export const demoAccounts: DemoAccount[] = [
  {
    username: 'demo.quantri',
    firstName: 'Hà',
    lastName: 'Nguyễn Thu',
    roles: ['admin'],
    unit: 'SNV',
    description: 'Sở Nội vụ — quản trị (admin)',
  },
  {
    username: 'demo.nhaplieu',
    firstName: 'Minh',
    lastName: 'Trần Văn',
    roles: ['data-entry'],
    unit: 'STP',
    description: 'Sở Tư pháp — cán bộ nhập liệu (data-entry)',
  },
  {
    username: 'demo.lanhdao',
    firstName: 'Lan',
    lastName: 'Phạm Thị',
    roles: ['data-entry'],
    clientRoles: ['unit-approver'],
    unit: 'STP',
    description: 'Sở Tư pháp — lãnh đạo duyệt (data-entry + unit-approver)',
  },
  {
    username: 'demo.thamdinh',
    firstName: 'Dũng',
    lastName: 'Lê Quốc',
    roles: ['appraisal'],
    unit: 'STP',
    description: 'Tổ thẩm định (appraisal)',
  },
  {
    username: 'demo.xa',
    firstName: 'Hương',
    lastName: 'Đỗ Thị',
    roles: ['data-entry'],
    unit: 'X-THANHBA',
    description: 'Xã Thanh Ba — cán bộ nhập liệu (data-entry)',
  },
];

/**
 * A small criteria set for the demo period: two areas, one leaf of each way units score
 * (sample text after the PAR index's provincial criteria, not official). Scores in hundredths.
 */
export const demoCriteriaNodes = [
  { code: '1', title: 'Công tác chỉ đạo, điều hành cải cách hành chính', maxScore: 400 },
  {
    code: '1.1',
    parentCode: '1',
    title: 'Ban hành kế hoạch cải cách hành chính năm đúng thời hạn',
    maxScore: 100,
    rule: { type: 'boolean', yesScore: 100 },
    evidence: { min: 1, max: 2 },
    guidanceForUnits: 'Đính kèm quyết định ban hành kế hoạch (bản ký số hoặc bản chụp).',
  },
  {
    code: '1.2',
    parentCode: '1',
    title: 'Mức độ hoàn thành kế hoạch cải cách hành chính',
    maxScore: 200,
    rule: { type: 'manual', max: 200, step: 25 },
    evidence: { min: 1, max: 2 },
    guidanceForUnits: 'Tự chấm từ 0 đến 2 điểm, bước 0,25, theo tỷ lệ nhiệm vụ đã hoàn thành.',
  },
  {
    code: '1.3',
    parentCode: '1',
    title: 'Tuyên truyền cải cách hành chính',
    maxScore: 100,
    rule: {
      type: 'options',
      options: [
        { key: 'A', label: 'Đa dạng hình thức, đúng kế hoạch', score: 100 },
        { key: 'B', label: 'Có thực hiện nhưng chưa đầy đủ', score: 50 },
        { key: 'C', label: 'Không thực hiện', score: 0 },
      ],
    },
    evidence: { min: 0, max: 2 },
  },
  { code: '2', title: 'Cải cách thủ tục hành chính', maxScore: 300 },
  {
    code: '2.1',
    parentCode: '2',
    title: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
    maxScore: 200,
    rule: {
      type: 'ratio',
      numeratorLabel: 'Số hồ sơ giải quyết đúng hạn',
      denominatorLabel: 'Tổng số hồ sơ đã giải quyết',
      scale: { kind: 'linear', fromPercent: 8000, toPercent: 10000 },
    },
    evidence: { min: 1, max: 2 },
  },
  {
    code: '2.2',
    parentCode: '2',
    title: 'Thủ tục hành chính bị phản ánh, kiến nghị',
    maxScore: 0,
    rule: { type: 'deduction', step: 25, maxDeduction: 100 },
    evidence: { min: 0, max: 1 },
    explanationRequired: false,
  },
  {
    code: '2.3',
    parentCode: '2',
    title: 'Mức độ hài lòng của người dân, doanh nghiệp',
    maxScore: 100,
    rule: { type: 'survey', source: 'SIPAS' },
    evidence: { min: 0, max: 0 },
    explanationRequired: false,
  },
];

/** The demo period's name for a year; the seed makes it once per year. */
export const demoPeriodName = (year: number) => `Tự đánh giá Chỉ số CCHC ${year} (dữ liệu mẫu)`;
