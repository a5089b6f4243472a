/** React's view of the entry store: each component subscribes to exactly what it shows. */
import { useSyncExternalStore } from 'react';
import type { EntryStore } from './entry-store';

export { useStoreLeaf as useLeaf, useStoreSummary as useSummary } from '@par/entry-ui';

/** One node's score: re-renders only when that number changes. */
export function useNodeScore(store: EntryStore, code: string): number {
  return useSyncExternalStore(store.subscribe, () => store.summary().scores.get(code) ?? 0);
}
