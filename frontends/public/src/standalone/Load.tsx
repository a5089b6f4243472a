/**
 * How a public page loads what its link names: the call, again when the reader asks, and what
 * the page shows until the data is there — loading, failed with «Tải lại», nothing at that link.
 * Plain React and the page's own texts, so it costs the first chunk next to nothing.
 */
import { useCallback, useEffect, useState, type DependencyList, type ReactNode } from 'react';
import { t } from './texts';

/** A page's data on its way: `ready` with `undefined` when the link names nothing. */
export type Loaded<T> = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; data: T };

/**
 * Calls `load` once, again when `deps` change or the reader retries, and keeps its answer; an
 * answer that arrives after the page moved on (unmounted, other deps) is dropped. A retry keeps
 * the failed view until the new answer, so the focused button stays where it is.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    load().then(
      (data) => !cancelled && setState({ kind: 'ready', data }),
      () => !cancelled && setState({ kind: 'failed' }),
    );
    return () => {
      cancelled = true;
    };
    // `load` is the render's own closure over `deps`: they say when it asks something new.
  }, [...deps, attempt]);

  return [state, useCallback(() => setAttempt((n) => n + 1), [])];
}

/** The page's text for a failed load, and the button that asks again. */
export function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <>
      <div className="banner bad" role="alert">
        <p>{message}</p>
      </div>
      <button type="button" onClick={onRetry}>
        {t('retry')}
      </button>
    </>
  );
}

export interface LoadTexts {
  loading: string;
  failed: string;
  notFound: string;
}

/**
 * The page's data through `children` once it is there; until then a `<main>` with `before` (a
 * way back) and the state in the page's own words.
 */
export function Load<T>(props: {
  state: Loaded<T | undefined>;
  retry: () => void;
  texts: LoadTexts;
  before?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { state, texts } = props;
  if (state.kind === 'ready' && state.data !== undefined) return props.children(state.data);
  return (
    <main>
      {props.before}
      {state.kind === 'loading' && <p role="status">{texts.loading}</p>}
      {state.kind === 'failed' && <LoadFailed message={texts.failed} onRetry={props.retry} />}
      {state.kind === 'ready' && (
        <div className="banner bad" role="alert">
          <p>{texts.notFound}</p>
        </div>
      )}
    </main>
  );
}
