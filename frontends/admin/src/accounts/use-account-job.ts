/**
 * Follows an account job: polls its progress while it runs; `takePasswords` fetches its
 * temporary passwords once (the server deletes them as it answers, so a second fetch must never
 * happen from this page).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { accountJobActions } from '@par/contracts';
import type { AccountJob, IssuedAccount } from '@par/contracts';
import { isApiError, useApiClient } from '@par/client';

/** How often a running job is asked for its progress. */
const pollMs = 1000;

export interface AccountJobState {
  job: AccountJob | null;
  /** The passwords, once fetched. */
  issued: IssuedAccount[] | null;
  error: string | null;
  taking: boolean;
  takePasswords: () => void;
}

export function useAccountJob(initial: AccountJob | null): AccountJobState {
  const api = useApiClient();
  const [job, setJob] = useState<AccountJob | null>(initial);
  const [issued, setIssued] = useState<IssuedAccount[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [taking, setTaking] = useState(false);
  // Guards the one fetch against a double click.
  const taken = useRef<string | null>(null);
  const jobId = initial?.id ?? null;

  useEffect(() => {
    setJob(initial);
    setIssued(null);
    setError(null);
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const now = await api.callAction(accountJobActions.getAccountJob, { id: jobId });
        if (stopped) return;
        setJob(now);
        setError(null);
        if (now.status === 'running') timer = setTimeout(() => void poll(), pollMs);
      } catch (err) {
        if (stopped) return;
        setError(isApiError(err) ? err.message : String(err));
        // A lost answer is asked again; the job goes on in the service regardless.
        timer = setTimeout(() => void poll(), pollMs * 3);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // `initial` changes identity with each job; its id is what matters.
  }, [api, jobId]);

  const takePasswords = useCallback(() => {
    if (!jobId || taken.current === jobId) return;
    taken.current = jobId;
    setTaking(true);
    api
      .callAction(accountJobActions.takeAccountJobPasswords, { id: jobId })
      .then((result) => setIssued(result.items))
      .catch((err: unknown) => setError(isApiError(err) ? err.message : String(err)))
      .finally(() => setTaking(false));
  }, [api, jobId]);

  return { job, issued, error, taking, takePasswords };
}
