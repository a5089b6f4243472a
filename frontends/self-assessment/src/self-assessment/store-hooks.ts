/** React's view of the entry store: each component subscribes to exactly what it shows. */
import { useCallback, useSyncExternalStore } from 'react';
import type { EntryStore, LeafView, PageSaveState, Summary } from './entry-store';

export function useLeaf(store: EntryStore, code: string): LeafView {
  const subscribe = useCallback(
    (listener: () => void) => store.subscribeLeaf(code, listener),
    [store, code],
  );
  return useSyncExternalStore(subscribe, () => store.leaf(code));
}

export function useSummary(store: EntryStore): Summary {
  return useSyncExternalStore(store.subscribe, store.summary);
}

/** One node's score: re-renders only when that number changes. */
export function useNodeScore(store: EntryStore, code: string): number {
  return useSyncExternalStore(store.subscribe, () => store.summary().scores.get(code) ?? 0);
}

export function usePageSaveState(store: EntryStore): PageSaveState {
  return useSyncExternalStore(store.subscribe, store.pageSaveState);
}
