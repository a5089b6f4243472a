/** A period's results as the page needs them: the latest draft, the blocker decisions, the publications. */
import { useCallback, useState } from 'react';
import { rankingActions } from '@par/contracts';
import type { Consolidation } from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import type { ApiError } from '@par/client';

export interface PeriodResults {
  /** The latest draft; null when the period has none yet. */
  draft: Consolidation | null;
  draftLoading: boolean;
  /** A failure other than "no draft yet". */
  draftError: ApiError | undefined;
  decisions: ReturnType<typeof useDecisions>;
  publications: ReturnType<typeof usePublications>;
  consolidating: boolean;
  /**
   * Makes a new draft version (compared with `previousPeriodId` when given, else the latest
   * draft's; ties broken by `tieBreakAreaCodes` when given, else as the latest draft broke them);
   * resolves to the error's message, or null when it worked.
   */
  consolidate: (
    previousPeriodId?: string | null,
    tieBreakAreaCodes?: string[],
  ) => Promise<string | null>;
  reload: () => void;
}

const useDecisions = (periodId: string) =>
  useActionQuery(rankingActions.listBlockerDecisions, { periodId });
const usePublications = (periodId: string) =>
  useActionQuery(rankingActions.listPublications, { periodId });

export function usePeriodResults(periodId: string): PeriodResults {
  const api = useApiClient();
  const consolidation = useActionQuery(rankingActions.getConsolidation, { periodId });
  const decisions = useDecisions(periodId);
  const publications = usePublications(periodId);
  const [consolidating, setConsolidating] = useState(false);
  const noDraft = consolidation.error?.code === 'E_NOT_FOUND';

  const reload = useCallback(() => {
    consolidation.reload();
    decisions.reload();
    publications.reload();
  }, [consolidation, decisions, publications]);

  const consolidate = async (
    previousPeriodId?: string | null,
    tieBreakAreaCodes?: string[],
  ): Promise<string | null> => {
    setConsolidating(true);
    try {
      // The latest draft's tie-break and previous period carry over to the new one.
      await api.callAction(rankingActions.consolidatePeriod, {
        periodId,
        tieBreakAreaCodes: tieBreakAreaCodes ?? consolidation.data?.tieBreakAreaCodes ?? [],
        previousPeriodId:
          previousPeriodId === undefined
            ? (consolidation.data?.provenance.previousPeriodId ?? null)
            : previousPeriodId,
      });
      return null;
    } catch (error) {
      return isApiError(error) ? error.message : String(error);
    } finally {
      setConsolidating(false);
      reload();
    }
  };

  return {
    draft: noDraft ? null : (consolidation.data ?? null),
    draftLoading: consolidation.loading,
    draftError: noDraft ? undefined : consolidation.error,
    decisions,
    publications,
    consolidating,
    consolidate,
    reload,
  };
}
