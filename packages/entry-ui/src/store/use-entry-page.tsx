/**
 * What both entry pages do with their store in React: each component subscribes to exactly what
 * it shows; the page guards leaving with unsaved entries, moves between criteria with the keyboard
 * and shows its save state beside the keyboard hint.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { KeyboardEvent } from 'react';
import { Flex, Typography } from 'antd';
import type { PageSaveState } from '../autosave/SaveStateTag';
import { SaveStateTag } from '../autosave/SaveStateTag';
import { useLeaveGuard } from '../autosave/use-leave-guard';
import { focusCriterion } from '../navigation/focus-criterion';
import { moveOf, neighbour } from '../navigation/keyboard-navigation';

/** The store's side the page's hooks read (a `LeafStore` fits). */
export interface PageStore<V, S> {
  leaf(code: string): V;
  subscribeLeaf(code: string, listener: () => void): () => void;
  subscribe(listener: () => void): () => void;
  summary: () => S;
  pageSaveState: () => PageSaveState;
  hasUnsaved(): boolean;
  flush(): Promise<void>;
}

export function useStoreLeaf<V>(store: PageStore<V, unknown>, code: string): V {
  const subscribe = useCallback(
    (listener: () => void) => store.subscribeLeaf(code, listener),
    [store, code],
  );
  return useSyncExternalStore(subscribe, () => store.leaf(code));
}

export function useStoreSummary<S>(store: PageStore<unknown, S>): S {
  return useSyncExternalStore(store.subscribe, store.summary);
}

export function useStoreSaveState(store: PageStore<unknown, unknown>): PageSaveState {
  return useSyncExternalStore(store.subscribe, store.pageSaveState);
}

/**
 * The page's save state, its leave guard (unsaved entries are saved first), and the key handler
 * that moves between the criteria of `order` (put it on the element around them).
 */
export function useEntryPage(store: PageStore<unknown, unknown>, order: readonly string[]) {
  const hasUnsaved = useCallback(() => store.hasUnsaved(), [store]);
  const saveNow = useCallback(() => store.flush(), [store]);
  useLeaveGuard(hasUnsaved, saveNow);
  const pageState = useStoreSaveState(store);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const move = moveOf(event);
      if (!move) return;
      const current =
        (event.target as Element).closest?.('[data-criterion]')?.getAttribute('data-criterion') ??
        null;
      const to = neighbour(order, current, move);
      if (!to) return;
      event.preventDefault();
      focusCriterion(to);
    },
    [order],
  );
  return { pageState, onKeyDown };
}

/** The page header's corner: the save state, and the keyboard hint in the page's words. */
export function EntryPageState({ state, hint }: { state: PageSaveState; hint: string }) {
  return (
    <Flex vertical align="flex-end" gap={4}>
      <SaveStateTag state={state} testId="page-save-state" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="keyboard-hint">
        {hint}
      </Typography.Text>
    </Flex>
  );
}
