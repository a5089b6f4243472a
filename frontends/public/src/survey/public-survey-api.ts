/**
 * The survey service's public routes (no token), by their routes (no schemas): a unit's form, and
 * a citizen's answers with the device token. The gateway's error body arrives in Vietnamese
 * already; its code (and, for 409, which conflict) decides what the page shows.
 */
import {
  formatMessage,
  surveyPublicRoutes as routes,
  type ApiErrorBody,
  type CheckedAnswers,
  type PublicSurveyForm,
} from '@par/contracts';
import { t } from '../standalone/texts';

/** How sending came out; `message` is the service's text. */
export type SubmitOutcome =
  | { kind: 'accepted' }
  | { kind: 'alreadyAnswered'; message: string }
  | { kind: 'closed'; message: string }
  | { kind: 'invalid'; message: string; fields: Array<{ field: string; message: string }> }
  | { kind: 'unreachable'; message: string };

export interface PublicSurveyApi {
  /** The form, or undefined when the link names no open campaign or unit. */
  load(campaignId: string, unitCode: string): Promise<PublicSurveyForm | undefined>;
  submit(
    form: PublicSurveyForm,
    answers: CheckedAnswers,
    identity: { deviceToken: string; consent: boolean },
  ): Promise<SubmitOutcome>;
}

const timeoutMs = 20_000;

/** `/public/surveys/:campaignId/units/:unitCode` with its segments filled. */
function pathOf(template: string, params: Record<string, string>): string {
  return template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** What the page does with the service's answer to a submission. */
export async function submitOutcome(response: Response): Promise<SubmitOutcome> {
  if (response.ok) return { kind: 'accepted' };
  const body = (await response.json().catch(() => undefined)) as ApiErrorBody | undefined;
  const error = body?.error;
  const message = error?.message ?? t('offlineSubmit');
  switch (error?.code) {
    case 'E_CONFLICT':
      // Both a closed campaign and a second answer are conflicts; the catalogue tells which.
      return message === formatMessage('survey.campaign.notOpen', {}, 'vi')
        ? { kind: 'closed', message }
        : { kind: 'alreadyAnswered', message };
    case 'E_DEADLINE_PASSED':
      return { kind: 'closed', message };
    case 'E_VALIDATION':
    case 'E_PAYLOAD_TOO_LARGE':
    case 'E_NOT_FOUND':
      return { kind: 'invalid', message, fields: error.fields ?? [] };
    default:
      // Rate limited, unavailable, a proxy's error page: the same answers can be sent later.
      return { kind: 'unreachable', message };
  }
}

export function createPublicSurveyApi(apiUrl: string): PublicSurveyApi {
  const base = apiUrl.replace(/\/+$/, '');
  const headers = { Accept: 'application/json', 'Accept-Language': 'vi' };
  return {
    async load(campaignId, unitCode) {
      const response = await fetch(
        base + pathOf(routes.getPublicForm.path, { campaignId, unitCode }),
        {
          headers,
          signal: AbortSignal.timeout(timeoutMs),
        },
      );
      if (response.status === 404 || response.status === 400) return undefined;
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as PublicSurveyForm;
    },
    async submit(form, answers, identity) {
      const route = routes.submitResponse;
      const path = pathOf(route.path, { campaignId: form.campaignId, unitCode: form.unitCode });
      try {
        const response = await fetch(base + path, {
          method: route.method,
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify({ answers, ...identity }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        return await submitOutcome(response);
      } catch {
        return { kind: 'unreachable', message: t('offlineSubmit') };
      }
    },
  };
}
