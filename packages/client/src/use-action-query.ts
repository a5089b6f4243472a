/** Loads an action's result for a component, cancelling stale requests when params change. */
import { useCallback, useEffect, useState } from 'react';
import type { ActionContract, ActionRoute, ParamsOf, ResultOf } from '@par/contracts';
import type { ApiClient } from './api-client';
import { useApiClient } from './ApiClientProvider';
import { ApiError, isApiError } from './api-error';

export interface ActionQuery<R> {
  data: R | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

export function useActionQuery<A extends ActionContract>(
  action: A,
  params: ParamsOf<A>,
  options: { enabled?: boolean } = {},
): ActionQuery<ResultOf<A>> {
  return useLoad(action, params, options, (client, p, signal) =>
    client.callAction(action, p, { signal }),
  );
}

/**
 * `useActionQuery` by the action's route alone (`selfAssessmentRoutes.getSelfAssessment`), typed
 * by its contract: a page's first path that calls it loads no schema, and so no zod.
 */
export function useRouteQuery<A extends ActionContract>(
  route: ActionRoute,
  params: ParamsOf<A>,
  options: { enabled?: boolean } = {},
): ActionQuery<ResultOf<A>> {
  return useLoad<A>(route, params, options, (client, p, signal) =>
    client.callRoute<A>(route, p, { signal }),
  );
}

/** A list action's result: one page of `items` out of `total`. */
type PagedResult = { items: unknown[]; total: number };

/**
 * Every item of a paged list action (`limit` and `offset` in, `items` and `total` out), asked
 * page after page with the `limit` given: for pickers that must offer all of a province's units
 * when one call gives at most 1,000.
 */
export function useAllPages<A extends ActionContract>(
  action: A & (ResultOf<A> extends PagedResult ? unknown : never),
  params: ParamsOf<A> & { limit: number },
  options: { enabled?: boolean } = {},
): ActionQuery<ResultOf<A>> {
  return useLoad(action, params, options, async (client, p, signal) => {
    const items: unknown[] = [];
    for (;;) {
      const pageParams = { ...(p as object), offset: items.length } as ParamsOf<A>;
      const page = (await client.callAction(action, pageParams, { signal })) as PagedResult;
      items.push(...page.items);
      if (page.items.length === 0 || items.length >= page.total)
        return { ...page, items } as ResultOf<A>;
    }
  });
}

function useLoad<A extends ActionContract>(
  /** What is asked (the action or its route): a new one loads again. */
  target: object,
  params: ParamsOf<A>,
  options: { enabled?: boolean },
  load: (client: ApiClient, params: ParamsOf<A>, signal: AbortSignal) => Promise<ResultOf<A>>,
): ActionQuery<ResultOf<A>> {
  const client = useApiClient();
  const enabled = options.enabled ?? true;
  const paramsKey = JSON.stringify(params);
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<{ data?: ResultOf<A>; error?: ApiError; loading: boolean }>({
    loading: enabled,
  });

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    setState((previous) => ({ data: previous.data, loading: true }));
    load(client, JSON.parse(paramsKey) as ParamsOf<A>, controller.signal)
      .then((data) => setState({ data, loading: false }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = isApiError(error)
          ? error
          : new ApiError({ code: 'E_INTERNAL', status: 0, message: String(error) });
        setState({ error: apiError, loading: false });
      });
    return () => controller.abort();
    // `load` is made anew each render; what it asks for is `target` and the params' key.
  }, [client, target, paramsKey, enabled, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
