import type { CriteriaSetView } from '@par/contracts';
import { toEditorNodes } from './criteria-tree';
import { issuesByNodeKey } from './editor-issues';

const nodes = toEditorNodes([
  {
    code: '1',
    parentCode: null,
    title: 'Lĩnh vực 1',
    guidanceForUnits: '',
    guidanceForAppraisers: '',
    maxScore: 1000,
    capped: false,
    rule: null,
    evidence: { min: 1, max: 2 },
    explanationRequired: true,
    appraiserUnitCode: null,
  },
  {
    code: '1.1',
    parentCode: '1',
    title: 'Tiêu chí 1.1',
    guidanceForUnits: '',
    guidanceForAppraisers: '',
    maxScore: 500,
    capped: false,
    rule: { type: 'manual', min: 0, max: 500, step: 25 },
    evidence: { min: 1, max: 2 },
    explanationRequired: true,
    appraiserUnitCode: null,
  },
]);

describe('editor issues', () => {
  it('shows the editor’s own checks until the server has validated this draft', () => {
    const { byKey, count } = issuesByNodeKey(nodes, null, (issue) => issue.key);
    expect(count).toBe(1);
    expect(byKey.get(nodes[0]!.key)).toEqual(['sumMismatch']);
  });

  it('puts the server’s issues on the node at their position, and set-level ones apart', () => {
    const issue = (nodeIndex: number | null, message: string) => ({
      nodeCode: nodeIndex === null ? null : nodes[nodeIndex]!.code,
      nodeIndex,
      field: 'maxScore',
      key: 'k',
      message,
    });
    const view: CriteriaSetView = {
      totalMax: 1000,
      leafCount: 1,
      valid: false,
      nodes: [],
      issues: [
        issue(null, 'Bộ tiêu chí trống'),
        issue(1, 'Điểm vượt quá'),
        issue(1, 'Điểm vượt quá'),
      ],
    };
    const { byKey, setIssues, count } = issuesByNodeKey(nodes, view, () => 'local');
    expect(setIssues).toEqual(['Bộ tiêu chí trống']);
    expect(byKey.get(nodes[1]!.key)).toEqual(['Điểm vượt quá']);
    expect(byKey.has(nodes[0]!.key)).toBe(false);
    expect(count).toBe(3);
  });
});
