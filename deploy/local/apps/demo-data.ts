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
