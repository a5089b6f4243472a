/**
 * How every public page calls the gateway: one `@par/client` client (no token, Vietnamese, 20 s),
 * made once the runtime config says where the API is, called by a route (`callRoute`, for the
 * pages that load no zod) or an action (`callAction`); and what a page shows for the answer to a
 * citizen's write. The gateway's error body arrives in Vietnamese already; its code decides.
 */
import { createApiClient, isApiError, type ApiClient } from '@par/client';
import type { FieldError } from '@par/contracts';
import { runtimeConfig } from './runtime-config';

export const publicTimeoutMs = 20_000;

/** A client for the public routes of the API at `apiUrl` (`fetch` for tests). */
export function createPublicClient(apiUrl: string, fetch?: typeof globalThis.fetch): ApiClient {
  return createApiClient({
    baseUrl: apiUrl,
    getToken: () => Promise.resolve(undefined),
    getLanguage: () => 'vi',
    timeoutMs: publicTimeoutMs,
    fetch,
  });
}

let client: Promise<ApiClient> | undefined;

/** The page's one client; asked again after the runtime config failed to load. */
export function publicClient(): Promise<ApiClient> {
  client ??= runtimeConfig().then((config) => createPublicClient(config.apiUrl));
  client.catch(() => (client = undefined));
  return client;
}

/**
 * For a read whose link may name nothing: `undefined` when the call failed with one of
 * `statuses` (404, and 422 for an id that is not one), the error again otherwise.
 */
export const absentOn =
  (...statuses: number[]) =>
  (error: unknown): undefined => {
    if (isApiError(error) && statuses.includes(error.status)) return undefined;
    throw error;
  };

export type WriteOutcome =
  | { kind: 'accepted' }
  /** A 409: this device (or citizen) has sent it already. */
  | { kind: 'alreadyAnswered'; message: string }
  /** The survey or the comment period is over (`E_DEADLINE_PASSED`). */
  | { kind: 'closed'; message: string }
  | { kind: 'invalid'; message: string; fields: FieldError[] }
  | { kind: 'unreachable'; message: string };

export interface WriteTexts {
  /** Shown when the service said nothing of its own (no answer, a proxy's error page). */
  offline: string;
}

/** What the page shows for a write that failed with `error`. */
export function writeOutcome(
  error: unknown,
  texts: WriteTexts,
): Exclude<WriteOutcome, { kind: 'accepted' }> {
  if (!isApiError(error) || !error.fromServer)
    return { kind: 'unreachable', message: texts.offline };
  const { message } = error;
  switch (error.code) {
    case 'E_CONFLICT':
      return { kind: 'alreadyAnswered', message };
    case 'E_DEADLINE_PASSED':
      return { kind: 'closed', message };
    case 'E_VALIDATION':
    case 'E_PAYLOAD_TOO_LARGE':
    case 'E_NOT_FOUND':
      return { kind: 'invalid', message, fields: error.fields };
    default:
      // Rate limited, unavailable: the same text can be sent later.
      return { kind: 'unreachable', message };
  }
}

/** Sends a citizen's write (`send`, by its route or its action) and says what the page shows. */
export async function publicWrite(
  send: (client: ApiClient) => Promise<unknown>,
  texts: WriteTexts,
): Promise<WriteOutcome> {
  try {
    await send(await publicClient());
    return { kind: 'accepted' };
  } catch (error) {
    return writeOutcome(error, texts);
  }
}
