/**
 * Other people's saves, picked up by asking the server again while the page is seen: every
 * `intervalMs` and at once when the page is shown again, one question at a time; the answer
 * of a question asked before the page stopped polling is dropped.
 */
import { useEffect } from 'react';

export interface VisiblePoll<T> {
  /** Asks the server (aborted when the page goes away). */
  fetch(signal: AbortSignal): Promise<T>;
  /** Takes the answer in; 'stop' ends the polling (the page reads itself again). */
  apply(answer: T): 'stop' | void;
}

/**
 * `start` (null: nothing to poll yet) makes one polling's state; a new `start` (memoise it on
 * what it reads) begins a new polling.
 */
export function useVisiblePoll<T>(start: (() => VisiblePoll<T>) | null, intervalMs: number): void {
  useEffect(() => {
    if (!start) return;
    const polling = start();
    let stopped = false;
    let controller: AbortController | null = null;
    const poll = async () => {
      if (document.visibilityState !== 'visible' || controller) return;
      controller = new AbortController();
      try {
        const answer = await polling.fetch(controller.signal);
        if (stopped) return;
        if (polling.apply(answer) === 'stop') stopped = true;
      } catch {
        // The next poll tries again; saves report their own failures.
      } finally {
        controller = null;
      }
    };
    const timer = window.setInterval(() => void poll(), intervalMs);
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
  }, [start, intervalMs]);
}
