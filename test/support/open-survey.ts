/**
 * One way for a test or a benchmark to get a survey citizens can answer: a period with its units
 * (`openPeriod`), a questionnaire published (two SIPAS sections, a question shown only after a
 * given answer), a campaign for those units, opened. Made through the API, as an admin would.
 */
import type { CreateCampaignParams, QuestionnaireDefinitionInput } from '@par/contracts';
import { callApi } from './api.ts';
import { openPeriod } from './open-period.ts';

/** Written for the tests: q1b shows only after "friend" to q1. */
export const citizenQuestionnaire: QuestionnaireDefinitionInput = {
  title: 'Khảo sát sự hài lòng của người dân',
  introduction: 'Phiếu gồm 5 câu, mất khoảng 2 phút. Phiếu không hỏi họ tên của bạn.',
  sections: [
    {
      key: 'tiepCan',
      title: 'Tiếp cận dịch vụ',
      aspect: 'access',
      questions: [
        {
          key: 'q1',
          type: 'singleChoice',
          label: 'Ông/Bà biết đến dịch vụ qua đâu?',
          required: true,
          options: [
            { key: 'web', label: 'Cổng dịch vụ công' },
            { key: 'friend', label: 'Người quen giới thiệu' },
          ],
        },
        {
          key: 'q1b',
          type: 'shortText',
          label: 'Người quen đó làm nghề gì?',
          showIf: { question: 'q1', anyOf: ['friend'] },
        },
        {
          key: 'q2',
          type: 'scale',
          label: 'Ông/Bà hài lòng thế nào với việc tiếp cận dịch vụ?',
          required: true,
        },
      ],
    },
    {
      key: 'ketQua',
      title: 'Kết quả giải quyết công việc',
      aspect: 'result',
      questions: [
        {
          key: 'q3',
          type: 'scale',
          label: 'Ông/Bà hài lòng thế nào với kết quả nhận được?',
          required: true,
        },
        { key: 'q4', type: 'longText', label: 'Góp ý khác (nếu có)' },
      ],
    },
  ],
};

export interface OpenedSurvey {
  periodId: string;
  questionnaireId: string;
  campaignId: string;
  units: string[];
}

async function expectStatus(what: string, status: number, call: ReturnType<typeof callApi>) {
  const res = await call;
  if (res.status !== status)
    throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Creates the period, questionnaire and campaign, and opens it; throws on any refusal. */
export async function openSurvey(options: {
  token: string;
  unitGroup: string;
  units: string[];
  name: string;
}): Promise<OpenedSurvey> {
  const { token } = options;
  const post = (path: string, body: unknown) => callApi(path, { method: 'POST', token, body });
  const period = await openPeriod({
    token,
    unitGroup: options.unitGroup,
    units: options.units,
    name: options.name,
  });
  const questionnaire = (await expectStatus(
    'questionnaire',
    201,
    post('/survey/questionnaires', { definition: citizenQuestionnaire }),
  )) as { id: string; version: number };
  const published = (await expectStatus(
    'publishing the questionnaire',
    201,
    post(`/survey/questionnaires/${questionnaire.id}/versions`, {
      version: questionnaire.version,
    }),
  )) as { number: number };
  const campaignInput: CreateCampaignParams = {
    periodId: period.periodId,
    name: `${options.name} — khảo sát`,
    questionnaireId: questionnaire.id,
    questionnaireVersion: published.number,
    units: options.units.map((unitCode) => ({ unitCode, sampleSize: 10 })),
  };
  const campaign = (await expectStatus(
    'campaign',
    201,
    post('/survey/campaigns', campaignInput),
  )) as { id: string; version: number };
  await expectStatus(
    'opening the campaign',
    200,
    post(`/survey/campaigns/${campaign.id}/open`, { version: campaign.version }),
  );
  return {
    periodId: period.periodId,
    questionnaireId: questionnaire.id,
    campaignId: campaign.id,
    units: options.units,
  };
}

/** How many answers the campaign holds, as the admin sees it. */
export async function responseCount(token: string, campaignId: string): Promise<number> {
  const campaign = (await expectStatus(
    'campaign',
    200,
    callApi(`/survey/campaigns/${campaignId}`, { token }),
  )) as { responseCount: number };
  return campaign.responseCount;
}
