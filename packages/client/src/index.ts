export { ApiError, isApiError } from './api-error';
export { createApiClient, buildRequest } from './api-client';
export type { ApiClient, ApiClientOptions, CallOptions } from './api-client';
export { applyFieldErrors } from './field-errors';
export { ApiClientProvider, useApiClient } from './ApiClientProvider';
export type { ApiClientProviderProps } from './ApiClientProvider';
export { useActionQuery } from './use-action-query';
export type { ActionQuery } from './use-action-query';
