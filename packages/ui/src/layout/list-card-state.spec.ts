import { listCardBody, listEmptyText } from './list-card-state';

describe('listCardBody', () => {
  it('shows the failure rather than rows that may be stale', () => {
    expect(listCardBody({ failed: true, loading: false, isEmpty: false })).toBe('error');
    expect(listCardBody({ failed: true, loading: true })).toBe('error');
  });

  it('shows the empty state only once loading is over and there are no rows', () => {
    expect(listCardBody({ failed: false, loading: false, isEmpty: true })).toBe('empty');
    expect(listCardBody({ failed: false, loading: true, isEmpty: true })).toBe('list');
    expect(listCardBody({ failed: false, loading: false, isEmpty: false })).toBe('list');
  });

  it('leaves the empty state to a list that draws its own', () => {
    expect(listCardBody({ failed: false, loading: false })).toBe('list');
  });
});

describe('listEmptyText', () => {
  it('keeps a loading table blank and an idle one explaining', () => {
    expect(listEmptyText(true, 'Chưa có đơn vị nào')).toBe(' ');
    expect(listEmptyText(false, 'Chưa có đơn vị nào')).toBe('Chưa có đơn vị nào');
  });
});
