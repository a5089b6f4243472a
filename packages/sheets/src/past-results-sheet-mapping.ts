/**
 * The roles a column of a past period's results sheet can play (unit, criterion, self score,
 * appraised score), with the headers provinces write for them: the same guesser as the criteria,
 * units and survey imports. The self score is optional: some systems kept only the final score.
 */
import type { PastResultsSheetField } from '@par/contracts';
import { surveySheetRoleDefinitions } from './survey-sheet-mapping';
import { shareMatching, type SheetRoleDefinition } from './sheet-mapping';

const scoreCells = (cells: readonly string[]) => shareMatching(cells, /^-?\d+([.,]\d{1,2})?$/);
/** The unit and criterion columns are read as in the survey results sheet. */
const codeRole = <R extends 'unitCode' | 'criterionCode'>(role: R): SheetRoleDefinition<R> => ({
  ...surveySheetRoleDefinitions.find((d) => d.role === role)!,
  role,
});

export const pastResultsSheetRoleDefinitions: ReadonlyArray<
  SheetRoleDefinition<PastResultsSheetField>
> = [
  codeRole('unitCode'),
  codeRole('criterionCode'),
  {
    role: 'selfScore',
    required: false,
    headers: ['Điểm tự chấm', 'Tự chấm', 'Điểm tự đánh giá', 'Tự đánh giá', 'Self score'],
    keywords: ['tự chấm', 'tự đánh giá', 'self'],
    content: scoreCells,
  },
  {
    role: 'appraisedScore',
    required: true,
    headers: [
      'Điểm thẩm định',
      'Thẩm định',
      'Điểm thẩm định cuối cùng',
      'Điểm cuối cùng',
      'Appraised score',
      'Final score',
    ],
    keywords: ['thẩm định', 'cuối cùng', 'appraised', 'final'],
    content: scoreCells,
  },
];
