import {
  decisionRefusal,
  isWithinSubtree,
  numberedUsername,
  splitFullName,
  subtreeCodes,
} from './request-rules';

describe('isWithinSubtree', () => {
  const units = [
    { id: '1', code: 'UBND', parentId: null },
    { id: '2', code: 'SNV', parentId: '1' },
    { id: '3', code: 'SNV-P1', parentId: '2' },
    { id: '4', code: 'STP', parentId: '1' },
  ];

  it('accepts the requester’s own unit', () => {
    expect(isWithinSubtree('SNV', 'SNV', units)).toBe(true);
  });

  it('accepts a unit below the requester’s unit at any depth', () => {
    expect(isWithinSubtree('SNV-P1', 'SNV', units)).toBe(true);
    expect(isWithinSubtree('SNV-P1', 'UBND', units)).toBe(true);
  });

  it('refuses a sibling, a parent and an unknown unit', () => {
    expect(isWithinSubtree('STP', 'SNV', units)).toBe(false);
    expect(isWithinSubtree('UBND', 'SNV', units)).toBe(false);
    expect(isWithinSubtree('NOPE', 'SNV', units)).toBe(false);
  });

  it('stops on a cycle in the parent links instead of looping', () => {
    const cyclic = [
      { id: 'a', code: 'A', parentId: 'b' },
      { id: 'b', code: 'B', parentId: 'a' },
    ];
    expect(isWithinSubtree('A', 'X', cyclic)).toBe(false);
  });
});

describe('subtreeCodes', () => {
  const units = [
    { id: '1', code: 'UBND', parentId: null },
    { id: '2', code: 'SNV', parentId: '1' },
    { id: '5', code: 'SNV-P2', parentId: '2' },
    { id: '3', code: 'SNV-P1', parentId: '2' },
    { id: '6', code: 'SNV-P1-T', parentId: '3' },
    { id: '4', code: 'STP', parentId: '1' },
  ];

  it('gives the own unit first, then each level below it, never a sibling or a parent', () => {
    expect(subtreeCodes('SNV', units)).toEqual(['SNV', 'SNV-P1', 'SNV-P2', 'SNV-P1-T']);
  });

  it('gives nothing for a unit that does not exist', () => {
    expect(subtreeCodes('NOPE', units)).toEqual([]);
  });

  it('stops on a cycle in the parent links instead of looping', () => {
    const cyclic = [
      { id: 'a', code: 'A', parentId: 'b' },
      { id: 'b', code: 'B', parentId: 'a' },
    ];
    expect(subtreeCodes('A', cyclic)).toEqual(['A', 'B']);
  });
});

describe('decisionRefusal', () => {
  it('lets a pending request be decided', () => {
    expect(decisionRefusal({ status: 'pending' })).toBeNull();
  });

  it('refuses to decide an approved or rejected request again', () => {
    expect(decisionRefusal({ status: 'approved' })).toBe('accountRequest.alreadyDecided');
    expect(decisionRefusal({ status: 'rejected' })).toBe('accountRequest.alreadyDecided');
  });
});

describe('splitFullName', () => {
  it('puts the family name first, as Vietnamese names do', () => {
    expect(splitFullName(' Nguyễn  Văn An ')).toEqual({ firstName: 'Văn An', lastName: 'Nguyễn' });
  });

  it('keeps a one-word name as the last name', () => {
    expect(splitFullName('Lan')).toEqual({ firstName: null, lastName: 'Lan' });
  });
});

describe('numberedUsername', () => {
  it('numbers the second and later accounts of the same unit and role', () => {
    expect(numberedUsername('nhaplieu.snv', 1)).toBe('nhaplieu.snv');
    expect(numberedUsername('nhaplieu.snv', 3)).toBe('nhaplieu.snv.3');
  });
});
