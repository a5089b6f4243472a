/**
 * The unit page's state and server calls: the unit's appraisal as read, the store built on it for
 * the current round, autosave through the API, and the other council members' saves picked up by
 * reading the unit again every 15 s while the page is seen. A refused save (the round was sent,
 * its deadline passed) locks the fields at once and reads the page again, so the notice says why.
 */
import { useEffect, useMemo, useState } from 'react';
import { AppraisalEntry, appraisalRoundActions } from '@par/contracts';
import type { AppraisalRound, UnitAppraisal } from '@par/contracts';
import { useActionQuery, useApiClient } from '@par/client';
import { classifySaveFailure, useVisiblePoll } from '@par/entry-ui';
import type { VisiblePoll } from '@par/entry-ui';
import { currentLanguage } from '@par/ui';
import { AppraisalStore } from './appraisal-store';

export const POLL_INTERVAL_MS = 15_000;

/** The round the page writes: the one open now, else the last one the period reached. */
export function pageRound(data: UnitAppraisal): AppraisalRound {
  if (data.period.currentRound === 2) return 2;
  if (data.period.currentRound === 1) return 1;
  const phase = data.period.currentPhase;
  return phase === 'consolidation' || phase === 'published' ? 2 : 1;
}

export function useUnitAppraisal(periodId: string, unitCode: string) {
  const api = useApiClient();
  const query = useActionQuery(appraisalRoundActions.getUnitAppraisal, { periodId, unitCode });
  const data = query.data;
  const [readOnlyNow, setReadOnlyNow] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { reload } = query;

  const store = useMemo(
    () =>
      data
        ? new AppraisalStore({
            periodId,
            unitCode: data.unit.code,
            round: pageRound(data),
            nodes: data.nodes,
            entries: data.entries,
            locale: currentLanguage,
            save: (params) => api.callAction(appraisalRoundActions.saveAppraisal, params),
            ask: (params) => api.callAction(appraisalRoundActions.askQuestion, params),
            classify: (error) => classifySaveFailure(error, AppraisalEntry),
            onReadOnly: (message) => {
              setReadOnlyNow(true);
              setRefusal(message);
              reload();
            },
          })
        : null,
    [data, api, periodId, reload],
  );

  useEffect(() => {
    if (!store || !data) return;
    store.activate();
    store.setReadOnly(data.readOnly !== null);
    setReadOnlyNow(false);
    return () => store.dispose();
  }, [store, data]);

  // Another council member's saves (and a round sent or reopened elsewhere), while seen.
  const polling = useMemo(
    () =>
      store && data
        ? (): VisiblePoll<UnitAppraisal> => ({
            fetch: (signal) =>
              api.callAction(
                appraisalRoundActions.getUnitAppraisal,
                { periodId, unitCode },
                { signal },
              ),
            apply: (now) => {
              store.applyRemote(now.entries);
              if (now.readOnly === data.readOnly) return;
              if (now.readOnly !== null) {
                store.setReadOnly(true);
                setReadOnlyNow(true);
              }
              reload();
              return 'stop';
            },
          })
        : null,
    [store, data, api, periodId, unitCode, reload],
  );
  useVisiblePoll(polling, POLL_INTERVAL_MS);

  return { query, data, store, readOnlyNow, refusal };
}
