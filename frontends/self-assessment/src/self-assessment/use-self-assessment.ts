/**
 * The page's state and server calls: the self-assessment as read, the entry store built on it,
 * autosave through the API, and other officers' saves picked up every 10 s while the page is seen.
 * The poll also carries the self-assessment's state: when the approver submits or withdraws (or
 * the deadline passes) the page locks its fields at once and reads itself again, so the notice
 * says why; a read-only page keeps polling, more slowly, to learn when it may write again.
 */
import { useEffect, useMemo, useState } from 'react';
import { selfAssessmentRoutes as routes } from '@par/contracts';
import type { EntryList, SelfAssessment, selfAssessmentActions } from '@par/contracts';
import { useApiClient, useRouteQuery } from '@par/client';
import { classifySaveFailure, useVisiblePoll } from '@par/entry-ui';
import type { VisiblePoll } from '@par/entry-ui';
import { currentLanguage } from '@par/ui';
import { EntryStore } from './entry-store';
import { savedEntry, withEntrySchemaOnFailure } from './saved-entry';

type Actions = typeof selfAssessmentActions;

export const POLL_INTERVAL_MS = 10_000;
/** A read-only page polls only to learn of a withdrawal (or an extension): less often. */
export const READ_ONLY_POLL_INTERVAL_MS = 20_000;

export function useSelfAssessment(periodId: string) {
  const api = useApiClient();
  const query = useRouteQuery<Actions['getSelfAssessment']>(routes.getSelfAssessment, { periodId });
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

  // Other officers' saves and the state: ask for what changed since the last answer, only while
  // the page is seen.
  const polling = useMemo(() => {
    if (!store || !data) return null;
    return () => {
      let since = data.at;
      const poll: VisiblePoll<EntryList> = {
        fetch: (signal) =>
          api.callRoute<Actions['listEntries']>(
            routes.listEntries,
            { periodId, since },
            { signal },
          ),
        apply: (list) => {
          since = list.at;
          store.applyRemote(list.items);
          if (list.readOnly === data.readOnly && list.state.version === data.state.version) return;
          // Submitted, withdrawn or past the deadline since the page was read: lock at once if
          // it may no longer write, and read the page again for the notice (or the unlocking).
          if (list.readOnly !== null) {
            store.setReadOnly(true);
            setReadOnlyNow(true);
          } else {
            setRefusal(null);
          }
          reload();
          return 'stop';
        },
      };
      return poll;
    };
  }, [store, data, api, periodId, reload]);
  useVisiblePoll(polling, data?.readOnly === null ? POLL_INTERVAL_MS : READ_ONLY_POLL_INTERVAL_MS);

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
    save: (params) =>
      withEntrySchemaOnFailure(api.callRoute<Actions['saveEntry']>(routes.saveEntry, params)),
    classify: (error) => classifySaveFailure(error, savedEntry),
    onReadOnly,
  });
}
