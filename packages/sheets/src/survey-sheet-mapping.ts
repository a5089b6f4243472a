/**
 * The roles a column of a survey results sheet can play (unit, criterion, score), with the
 * headers provinces write for them: the same guesser as the criteria and units imports.
 */
import type { SurveySheetField } from '@par/contracts';
import { shareMatching, type SheetRoleDefinition } from './sheet-mapping';

export const surveySheetRoleDefinitions: ReadonlyArray<SheetRoleDefinition<SurveySheetField>> = [
  {
    role: 'unitCode',
    required: true,
    headers: ['Mã đơn vị', 'Mã cơ quan', 'Mã ĐVHC', 'Đơn vị', 'Unit code', 'Unit'],
    keywords: ['mã đơn vị', 'mã cơ quan', 'đơn vị', 'unit'],
    content: (cells) => shareMatching(cells, /^[A-Za-z][A-Za-z0-9._-]{0,39}$/),
  },
  {
    role: 'criterionCode',
    required: true,
    headers: [
      'Mã tiêu chí',
      'Tiêu chí',
      'Mã chỉ số',
      'STT tiêu chí',
      'Criterion code',
      'Criterion',
    ],
    keywords: ['tiêu chí', 'chỉ số thành phần', 'criterion'],
    content: (cells) => shareMatching(cells, /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/),
  },
  {
    role: 'score',
    required: true,
    headers: ['Điểm', 'Điểm điều tra', 'Điểm khảo sát', 'Kết quả', 'Score', 'Points'],
    keywords: ['điểm', 'kết quả', 'score'],
    content: (cells) => shareMatching(cells, /^\d+([.,]\d{1,2})?$/),
  },
];
