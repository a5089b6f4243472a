/**
 * What the public pages' calls to the gateway share: the API address from the runtime config,
 * the headers, the timeout, and what a page does with the answer to a citizen's write (a
 * comment, a question). The gateway's error body arrives in Vietnamese already; its code
 * decides what the page shows.
 */
import type { ApiErrorBody } from '@par/contracts';
import { runtimeConfig } from './runtime-config';

export const publicTimeoutMs = 20_000;
export const publicHeaders = { Accept: 'application/json', 'Accept-Language': 'vi' };

/** The URL of a contract's REST path, its `:name` parameters filled and encoded. */
export async function publicUrl(
  path: string,
  params: Record<string, string> = {},
): Promise<string> {
  return (
    (await runtimeConfig()).apiUrl.replace(/\/+$/, '') +
    path.replace(/:(\w+)/g, (_whole, name: string) => encodeURIComponent(params[name] ?? ''))
  );
}

export type WriteOutcome =
  | { kind: 'accepted' }
  | { kind: 'closed'; message: string }
  | { kind: 'invalid'; message: string; fields: Array<{ field: string; message: string }> }
  | { kind: 'unreachable'; message: string };

/** What the page does with the service's answer to a write; `offline` when it says nothing. */
export async function writeOutcome(response: Response, offline: string): Promise<WriteOutcome> {
  if (response.ok) return { kind: 'accepted' };
  const body = (await response.json().catch(() => undefined)) as ApiErrorBody | undefined;
  const error = body?.error;
  const message = error?.message ?? offline;
  switch (error?.code) {
    case 'E_DEADLINE_PASSED':
      return { kind: 'closed', message };
    case 'E_VALIDATION':
    case 'E_PAYLOAD_TOO_LARGE':
    case 'E_NOT_FOUND':
      return { kind: 'invalid', message, fields: error.fields ?? [] };
    default:
      // Rate limited, unavailable, a proxy's error page: the same text can be sent later.
      return { kind: 'unreachable', message };
  }
}
