/** User-facing texts of the criteria-set domain (indices, sets, nodes, rules, imports). */
import type { Locale } from './locale';

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
} as const satisfies Record<string, Record<Locale, string>>;
