/**
 * One listing of the unit's evidence files per period, shared by every panel on the page: a page
 * of many criteria asks the service once, and a write in one panel (a file deleted, attached,
 * detached) shows at once in the panels of the other criteria the file serves.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { evidenceActions, type EvidenceFileList } from '@par/contracts';
import { ApiError, isApiError, useApiClient, type ApiClient } from '@par/client';

export interface PeriodFilesState {
  data: EvidenceFileList | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

class PeriodFiles {
  state: PeriodFilesState = { data: undefined, error: undefined, loading: true };
  private readonly listeners = new Set<() => void>();
  /** Bumped by every load, so an older answer arriving late never replaces a newer one. */
  private generation = 0;

  constructor(private readonly periodId: string) {}

  /** True until a panel loads the files, and again once no panel shows them. */
  stale = true;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stale = true;
    };
  };

  private set(change: Partial<PeriodFilesState>) {
    this.state = { ...this.state, ...change };
    this.listeners.forEach((listener) => listener());
  }

  async load(client: ApiClient): Promise<void> {
    const generation = ++this.generation;
    this.set({ loading: true });
    try {
      const data = await client.callAction(evidenceActions.listFiles, { periodId: this.periodId });
      if (generation === this.generation) this.set({ data, error: undefined, loading: false });
    } catch (error) {
      if (generation !== this.generation) return;
      const apiError = isApiError(error)
        ? error
        : new ApiError({ code: 'E_INTERNAL', status: 0, message: String(error) });
      this.set({ error: apiError, loading: false });
    }
  }
}

const stores = new Map<string, PeriodFiles>();

function storeOf(periodId: string): PeriodFiles {
  let store = stores.get(periodId);
  if (!store) {
    store = new PeriodFiles(periodId);
    stores.set(periodId, store);
  }
  return store;
}

/** The period's files for a panel; the first panel to mount (again) loads them afresh. */
export function usePeriodFiles(periodId: string): PeriodFilesState & { reload: () => void } {
  const client = useApiClient();
  const store = storeOf(periodId);
  const state = useSyncExternalStore(store.subscribe, () => store.state);
  useEffect(() => {
    if (!store.stale) return;
    store.stale = false;
    void store.load(client);
  }, [store, client]);
  const reload = useCallback(() => void store.load(client), [store, client]);
  return { ...state, reload };
}
