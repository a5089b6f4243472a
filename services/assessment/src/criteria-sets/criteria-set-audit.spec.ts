import { Types } from 'mongoose';
import { CriterionNode, type CriterionNodeInput } from '@par/contracts';
import { criteriaSetSavedRecord } from './criteria-set-audit';

const node = (input: CriterionNodeInput) => CriterionNode.parse(input);
const manual = (max: number) => ({ type: 'manual' as const, min: 0, max, step: 25 });

const set = (nodes: CriterionNode[], version: number) => ({
  _id: new Types.ObjectId('0123456789abcdef01234567'),
  indexCode: 'PAR',
  year: 2026,
  unitGroup: 'Sở, ngành',
  edition: 1,
  name: 'Bộ thử',
  description: null,
  status: 'draft' as const,
  version,
  valid: true,
  totalMax: 1000,
  leafCount: nodes.length,
  nodes,
});

describe('criteriaSetSavedRecord', () => {
  it('keeps only the added, removed and changed nodes of a 150-leaf save', () => {
    const leaves = Array.from({ length: 150 }, (_, i) =>
      node({ code: `L${i}`, title: `Tiêu chí ${i}`, maxScore: 100, rule: manual(100) }),
    );
    const edited = [
      ...leaves.slice(1).map((n) => (n.code === 'L7' ? { ...n, title: 'Tiêu chí đã sửa' } : n)),
      node({ code: 'M1', title: 'Mới', maxScore: 100, rule: manual(100) }),
    ];
    const record = criteriaSetSavedRecord(set(leaves, 3), set(edited, 4), { kind: 'editor' });

    expect(record).toMatchObject({
      action: 'criteriaSet.saved',
      target: 'criteriaSet:0123456789abcdef01234567',
    });
    const before = record.before as { version: number; nodes: CriterionNode[] };
    const after = record.after as {
      version: number;
      nodes: CriterionNode[];
      changes: {
        added: string[];
        removed: string[];
        changed: { code: string; fields: string[] }[];
        moved: string[];
      };
    };
    expect(before.version).toBe(3);
    expect(after.version).toBe(4);
    expect(before.nodes.map((n) => n.code)).toEqual(['L0', 'L7']);
    expect(after.nodes.map((n) => n.code)).toEqual(['M1', 'L7']);
    expect(after.nodes[1]!.title).toBe('Tiêu chí đã sửa');
    expect(after.changes).toMatchObject({
      added: ['M1'],
      removed: ['L0'],
      changed: [{ code: 'L7', fields: ['position', 'title'] }],
    });
    // Siblings shifted by the removal are named, not copied.
    expect(after.changes.moved).toHaveLength(148);
    expect(JSON.stringify(record).length).toBeLessThan(10_000);
  });
});
