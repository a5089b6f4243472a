import { ancestorCodes } from './appraisal-scope';

describe("a unit's parents for appraisal subtrees", () => {
  const tree = new Map([
    ['id-x', { code: 'XA1', parentId: 'id-h' }],
    ['id-h', { code: 'HUYEN', parentId: 'id-t' }],
    ['id-t', { code: 'TINH', parentId: null }],
    ['id-loop1', { code: 'L1', parentId: 'id-loop2' }],
    ['id-loop2', { code: 'L2', parentId: 'id-loop1' }],
  ]);

  it('lists the codes from the nearest parent to the root', () => {
    expect(ancestorCodes('id-h', tree)).toEqual(['HUYEN', 'TINH']);
    expect(ancestorCodes(null, tree)).toEqual([]);
  });

  it('stops at an unknown id and at a loop in bad data', () => {
    expect(ancestorCodes('id-gone', tree)).toEqual([]);
    expect(ancestorCodes('id-loop1', tree)).toEqual(['L1', 'L2']);
  });
});
