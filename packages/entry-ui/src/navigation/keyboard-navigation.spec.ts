import { leafOrder, moveOf, neighbour } from './keyboard-navigation';

const node = (code: string, parentCode: string | null = null) => ({ code, parentCode });

describe('keyboard navigation between criteria', () => {
  it('visits leaves depth first in the order the page shows them, whatever the list order', () => {
    const nodes = [
      node('1'),
      node('2'),
      node('1.2', '1'),
      node('1.1', '1'),
      node('1.1.b', '1.1'),
      node('1.1.a', '1.1'),
      node('2.1', '2'),
      node('3'),
    ];
    // Children keep their list order under their parent: 1.2 before 1.1, 1.1.b before 1.1.a.
    expect(leafOrder(nodes)).toEqual(['1.2', '1.1.b', '1.1.a', '2.1', '3']);
  });

  it('moves to the next and previous leaf, staying at the ends', () => {
    const order = ['1.1', '1.2', '2.1'];
    expect(neighbour(order, null, 'next')).toBe('1.1');
    expect(neighbour(order, '1.1', 'next')).toBe('1.2');
    expect(neighbour(order, '1.2', 'next')).toBe('2.1');
    expect(neighbour(order, '2.1', 'next')).toBe('2.1');
    expect(neighbour(order, '2.1', 'previous')).toBe('1.2');
    expect(neighbour(order, '1.1', 'previous')).toBe('1.1');
    expect(neighbour(order, null, 'previous')).toBe('2.1');
    expect(neighbour([], null, 'next')).toBeNull();
  });

  it('reads Alt+↓ / Alt+↑ (and Alt+PageDown / Alt+PageUp) as moves, nothing else', () => {
    const key = (
      k: string,
      mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {},
    ) =>
      moveOf({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
    expect(key('ArrowDown', { altKey: true })).toBe('next');
    expect(key('PageDown', { altKey: true })).toBe('next');
    expect(key('ArrowUp', { altKey: true })).toBe('previous');
    expect(key('PageUp', { altKey: true })).toBe('previous');
    expect(key('ArrowDown')).toBeNull();
    expect(key('ArrowDown', { altKey: true, shiftKey: true })).toBeNull();
    expect(key('ArrowDown', { altKey: true, ctrlKey: true })).toBeNull();
    expect(key('Tab', { altKey: true })).toBeNull();
  });
});
