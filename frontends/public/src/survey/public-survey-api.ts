/**
 * The survey service's public routes (no token), by their routes (no schemas): a unit's form, and
 * a citizen's answers with the device token.
 */
import {
  surveyPublicRoutes as routes,
  type CheckedAnswers,
  type PublicSurveyForm,
  type surveyResponseActions,
} from '@par/contracts';
import { absentOn, publicClient, publicWrite, type WriteOutcome } from '../standalone/public-api';
import { t } from '../standalone/texts';

type Actions = typeof surveyResponseActions;

/** The form, or undefined when the link names no open campaign or unit. */
export async function loadSurveyForm(
  campaignId: string,
  unitCode: string,
): Promise<PublicSurveyForm | undefined> {
  return (await publicClient())
    .callRoute<Actions['getPublicForm']>(routes.getPublicForm, { campaignId, unitCode })
    .catch(absentOn(400, 404));
}

/** Sends the answers: a second answer from the device is a 409, a closed campaign its own code. */
export function submitAnswers(
  form: PublicSurveyForm,
  answers: CheckedAnswers,
  identity: { deviceToken: string; consent: boolean },
): Promise<WriteOutcome> {
  const { campaignId, unitCode } = form;
  return publicWrite(
    (client) =>
      client.callRoute<Actions['submitResponse']>(routes.submitResponse, {
        campaignId,
        unitCode,
        answers,
        ...identity,
      }),
    { offline: t('offlineSubmit') },
  );
}
