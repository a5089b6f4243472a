/**
 * The page's state and server calls: the self-assessment as read, the entry store built on it,
 * autosave through the API, and other officers' saves picked up every 10 s while the page is seen.
 */
import { useEffect, useMemo, useState } from 'react';
import { selfAssessmentActions } from '@par/contracts';
import type { SelfAssessment } from '@par/contracts';
import { useActionQuery, useApiClient } from '@par/client';
import { currentLanguage } from '@par/ui';
import { EntryStore } from './entry-store';
import { classifySaveFailure } from './save-failure';

export const POLL_INTERVAL_MS = 10_000;

export function useSelfAssessment(periodId: string) {
  const api = useApiClient();
  const query = useActionQuery(selfAssessmentActions.getSelfAssessment, { periodId });
  const data = query.data;
  const [readOnlyNow, setReadOnlyNow] = useState(false);
  /** The server's words when it refused a save because the unit may no longer write. */
  const [refusal, setRefusal] = useState<string | null>(null);

  const { reload } = query;
  // The server refused a write because the unit may no longer write (deadline, submission):
  // lock the fields at once and read the page again, so it says why, with the deadline.
  const store = useMemo(
    () =>
      data
        ? createStore(data, api, (message) => {
            setReadOnlyNow(true);
            setRefusal(message);
            reload();
          })
        : null,
    [data, api, reload],
  );
  useEffect(() => {
    if (!store || !data) return;
    store.activate();
    store.setReadOnly(data.readOnly !== null);
    setReadOnlyNow(false);
    return () => store.dispose();
  }, [store, data]);

  // Other officers' saves: ask for what changed since the last answer, only while the page is seen.
  useEffect(() => {
    if (!store || !data || data.readOnly !== null) return;
    let since = data.at;
    let stopped = false;
    let controller: AbortController | null = null;
    const poll = async () => {
      if (document.visibilityState !== 'visible' || controller) return;
      controller = new AbortController();
      try {
        const list = await api.callAction(
          selfAssessmentActions.listEntries,
          { periodId, since },
          { signal: controller.signal },
        );
        if (stopped) return;
        since = list.at;
        store.applyRemote(list.items);
      } catch {
        // The next poll tries again; saves report their own failures.
      } finally {
        controller = null;
      }
    };
    const timer = window.setInterval(() => void poll(), POLL_INTERVAL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void poll();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      controller?.abort();
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [store, data, api, periodId]);

  return { query, data, store, readOnlyNow, refusal };
}

function createStore(
  data: SelfAssessment,
  api: ReturnType<typeof useApiClient>,
  onReadOnly: (message: string) => void,
): EntryStore {
  return new EntryStore({
    periodId: data.period.periodId,
    nodes: data.criteriaSet.nodes,
    entries: data.entries,
    evidenceCounts: data.evidenceCounts,
    locale: currentLanguage,
    save: (params) => api.callAction(selfAssessmentActions.saveEntry, params),
    classify: classifySaveFailure,
    onReadOnly,
  });
}
