/** Keeps a board live: reloads its query on a fixed interval while the page is open. */
import { useEffect } from 'react';

/** Often enough to watch a deadline day, rare enough for 200 units on two cores. */
export const boardRefreshMs = 5_000;

export function useAutoReload(reload: () => void, everyMs: number = boardRefreshMs): void {
  useEffect(() => {
    const timer = setInterval(reload, everyMs);
    return () => clearInterval(timer);
  }, [reload, everyMs]);
}
