/**
 * The survey service's public routes, called without a token from the page's own origin's
 * runtime config. The gateway's error body (`ApiErrorBody`) arrives in Vietnamese already; only
 * its code decides what the page does with it.
 */
import type { ApiErrorBody } from '@par/contracts';
import { runtimeConfig } from '../standalone/runtime-config';
import type { Answers } from './questionnaire-view';
import type { PublicSurvey, PublicSurveyApi, SubmitOutcome } from './public-survey-api';
import { t } from '../standalone/texts';

const timeoutMs = 20_000;

async function call(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, {
    ...init,
    headers: { Accept: 'application/json', 'Accept-Language': 'vi', ...init.headers },
    signal: AbortSignal.timeout(timeoutMs),
  });
}

async function errorOf(response: Response): Promise<ApiErrorBody['error'] | undefined> {
  const body = (await response.json().catch(() => undefined)) as ApiErrorBody | undefined;
  return body?.error;
}

/** What the page does with the service's answer to a submission. */
export async function submitOutcome(response: Response): Promise<SubmitOutcome> {
  if (response.ok) return { kind: 'accepted' };
  const error = await errorOf(response);
  const message = error?.message ?? t('offlineSubmit');
  switch (error?.code) {
    case 'E_CONFLICT':
      return { kind: 'alreadyAnswered', message };
    case 'E_DEADLINE_PASSED':
      return { kind: 'closed', message };
    case 'E_VALIDATION':
    case 'E_PAYLOAD_TOO_LARGE': {
      const fields = Object.fromEntries(
        (error.fields ?? []).map((field) => [field.field.replace(/^answers\./, ''), field.message]),
      );
      return { kind: 'invalid', message, fields };
    }
    default:
      // Rate limited, unavailable, a proxy's HTML error page: the same answer can be sent later.
      return { kind: 'unreachable', message };
  }
}

export function createPublicSurveyApi(apiUrl: string): PublicSurveyApi {
  const base = apiUrl.replace(/\/+$/, '');
  return {
    async load(linkId) {
      const response = await call(`${base}/public/surveys/${encodeURIComponent(linkId)}`);
      if (response.status === 404) return undefined;
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as PublicSurvey;
    },
    async submit(survey, answers: Answers, identity) {
      try {
        const response = await call(
          `${base}/public/surveys/${encodeURIComponent(survey.linkId)}/responses`,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ answers, ...identity }),
          },
        );
        return await submitOutcome(response);
      } catch {
        return { kind: 'unreachable', message: t('offlineSubmit') };
      }
    },
  };
}

let api: Promise<PublicSurveyApi> | undefined;

export function publicSurveyApi(): Promise<PublicSurveyApi> {
  api ??= runtimeConfig().then((config) => createPublicSurveyApi(config.apiUrl));
  api.catch(() => (api = undefined));
  return api;
}
