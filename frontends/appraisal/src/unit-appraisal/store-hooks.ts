/** React's view of the appraisal store: each component subscribes to exactly what it shows. */
import { useCallback, useSyncExternalStore } from 'react';
import type { PageSaveState } from '@par/entry-ui';
import type { AppraisalLeafView, AppraisalStore, AppraisalSummary } from './appraisal-store';

export function useAppraisalLeaf(store: AppraisalStore, code: string): AppraisalLeafView {
  const subscribe = useCallback(
    (listener: () => void) => store.subscribeLeaf(code, listener),
    [store, code],
  );
  return useSyncExternalStore(subscribe, () => store.leaf(code));
}

export function useAppraisalSummary(store: AppraisalStore): AppraisalSummary {
  return useSyncExternalStore(store.subscribe, store.summary);
}

export function useAppraisalSaveState(store: AppraisalStore): PageSaveState {
  return useSyncExternalStore(store.subscribe, store.pageSaveState);
}
