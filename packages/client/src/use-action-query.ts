/** Loads an action's result for a component, cancelling stale requests when params change. */
import { useCallback, useEffect, useState } from 'react';
import type { ActionContract, ParamsOf, ResultOf } from '@par/contracts';
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
    client
      .callAction(action, JSON.parse(paramsKey) as ParamsOf<A>, { signal: controller.signal })
      .then((data) => setState({ data, loading: false }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = isApiError(error)
          ? error
          : new ApiError({ code: 'E_INTERNAL', status: 0, message: String(error) });
        setState({ error: apiError, loading: false });
      });
    return () => controller.abort();
  }, [client, action, paramsKey, enabled, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
