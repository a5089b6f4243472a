/**
 * The survey screens' pure state: the questionnaire editor's operations on a draft (sections and
 * questions added, moved, retyped, removed), the contract's own validation messages per field,
 * the campaign form ⇄ the createCampaign contract, and the results' vi-VN formats.
 */
import {
  CreateCampaignParams,
  QuestionnaireDefinition,
  formatMessage,
  isMessageKey,
  sampleSize as yamaneSampleSize,
  sipasAspectTitles,
} from '@par/contracts';
import type {
  Locale,
  MessageKey,
  QuestionType,
  QuestionnaireDefinitionInput,
} from '@par/contracts';
import { formatPercent, formatHundredths } from '@par/scoring';

export type DraftDefinition = QuestionnaireDefinitionInput;
export type DraftSection = DraftDefinition['sections'][number];
export type DraftQuestion = DraftSection['questions'][number];

/** A field's path in the definition, dotted (`sections.0.questions.1.label`) → its message. */
export type FieldMessages = Record<string, string>;

const choiceTypes: readonly QuestionType[] = ['singleChoice', 'multipleChoice'];
export const isChoice = (type: QuestionType) => choiceTypes.includes(type);
/** Questions a display condition may depend on. */
export const canBeCondition = (type: QuestionType) => isChoice(type) || type === 'scale';

/** The first unused key `<prefix><n>` (`q1`, `q2`, …). */
export function nextKey(prefix: string, used: Iterable<string>): string {
  const taken = new Set(used);
  let n = 1;
  while (taken.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

const questionKeys = (definition: DraftDefinition) =>
  definition.sections.flatMap((s) => s.questions.map((q) => q.key));

/** A question of the given type keeping what every type shares (key, label, required, condition). */
export function questionOfType(type: QuestionType, from: Partial<DraftQuestion>): DraftQuestion {
  const base = {
    key: from.key ?? 'q1',
    label: from.label ?? '',
    required: from.required ?? false,
    ...(from.help ? { help: from.help } : {}),
    ...(from.showIf ? { showIf: from.showIf } : {}),
  };
  switch (type) {
    case 'singleChoice':
    case 'multipleChoice': {
      const options =
        (from.type === 'singleChoice' || from.type === 'multipleChoice') && from.options
          ? from.options
          : [
              { key: 'a', label: '' },
              { key: 'b', label: '' },
            ];
      return { ...base, type, options };
    }
    case 'scale':
      return { ...base, type };
    case 'number':
      return { ...base, type, integer: true };
    case 'shortText':
    case 'longText':
      return { ...base, type };
  }
}

/** A new questionnaire: one section on the first SIPAS aspect with one 1–5 scale question. */
export function emptyDefinition(): DraftDefinition {
  return {
    title: '',
    introduction: '',
    consentText: '',
    sections: [newSection([])],
  };
}

/**
 * What "create" sends: the title typed and one section on the access aspect with one required
 * 1–5 scale question, so the questionnaire is valid from its first save.
 */
export function starterDefinition(title: string): DraftDefinition {
  const definition = addQuestion({ ...emptyDefinition(), title: title.trim() }, 0, 'scale');
  return updateQuestion(definition, 0, 0, (question) => ({
    ...question,
    label: 'Ông/Bà hài lòng thế nào với việc tiếp cận dịch vụ?',
    required: true,
  }));
}

function newSection(used: readonly DraftSection[]): DraftSection {
  return {
    key: nextKey(
      's',
      used.map((s) => s.key),
    ),
    title: used.length === 0 ? sipasAspectTitles.access : '',
    aspect: used.length === 0 ? 'access' : null,
    questions: [],
  };
}

export function addSection(definition: DraftDefinition): DraftDefinition {
  return { ...definition, sections: [...definition.sections, newSection(definition.sections)] };
}

export function removeSection(definition: DraftDefinition, s: number): DraftDefinition {
  return { ...definition, sections: definition.sections.filter((_, i) => i !== s) };
}

export function updateSection(
  definition: DraftDefinition,
  s: number,
  change: Partial<DraftSection>,
): DraftDefinition {
  return {
    ...definition,
    sections: definition.sections.map((section, i) =>
      i === s ? { ...section, ...change } : section,
    ),
  };
}

export function addQuestion(
  definition: DraftDefinition,
  s: number,
  type: QuestionType,
): DraftDefinition {
  const key = nextKey('q', questionKeys(definition));
  const question = questionOfType(type, { key });
  return updateSection(definition, s, {
    questions: [...definition.sections[s]!.questions, question],
  });
}

export function updateQuestion(
  definition: DraftDefinition,
  s: number,
  q: number,
  change: (question: DraftQuestion) => DraftQuestion,
): DraftDefinition {
  return updateSection(definition, s, {
    questions: definition.sections[s]!.questions.map((question, i) =>
      i === q ? change(question) : question,
    ),
  });
}

export function removeQuestion(definition: DraftDefinition, s: number, q: number): DraftDefinition {
  return updateSection(definition, s, {
    questions: definition.sections[s]!.questions.filter((_, i) => i !== q),
  });
}

/** Swaps a question with its neighbour within its section; out of range changes nothing. */
export function moveQuestion(
  definition: DraftDefinition,
  s: number,
  q: number,
  delta: -1 | 1,
): DraftDefinition {
  const questions = [...definition.sections[s]!.questions];
  const to = q + delta;
  if (to < 0 || to >= questions.length) return definition;
  [questions[q], questions[to]] = [questions[to]!, questions[q]!];
  return updateSection(definition, s, { questions });
}

/** The questions before (s, q) that a display condition may name. */
export function conditionCandidates(
  definition: DraftDefinition,
  s: number,
  q: number,
): DraftQuestion[] {
  return definition.sections
    .flatMap((section, i) => section.questions.filter((_, j) => i < s || (i === s && j < q)))
    .filter((question) => canBeCondition(question.type));
}

/** The answers a condition on `question` may list: option keys, or 1–5 for a scale. */
export function conditionValues(question: DraftQuestion): Array<string | number> {
  if (question.type === 'singleChoice' || question.type === 'multipleChoice')
    return question.options.map((o) => o.key);
  return question.type === 'scale' ? [1, 2, 3, 4, 5] : [];
}

/**
 * The contract's verdict on the draft, one message per field (the first one), in the reader's
 * language; empty when the draft may be saved.
 */
export function definitionMessages(definition: DraftDefinition, locale: Locale): FieldMessages {
  const result = QuestionnaireDefinition.safeParse(definition);
  if (result.success) return {};
  return issueMessages(result.error.issues, locale);
}

function issueMessages(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string; params?: unknown }>,
  locale: Locale,
): FieldMessages {
  const messages: FieldMessages = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (path in messages) continue;
    const params = (issue.params ?? {}) as Record<string, string | number>;
    messages[path] = isMessageKey(issue.message)
      ? formatMessage(issue.message, params, locale)
      : formatMessage('survey.label.required', {}, locale);
  }
  return messages;
}

/** Server field errors (`definition.sections.0.title`) put back on the editor's paths. */
export function serverMessages(
  fields: ReadonlyArray<{ field: string; message: string }>,
): FieldMessages {
  const messages: FieldMessages = {};
  for (const { field, message } of fields) {
    const path = field.replace(/^definition\.?/, '');
    messages[path] ??= message;
  }
  return messages;
}

export interface CampaignFormValues {
  name: string;
  periodId: string;
  /** `<questionnaire id>/<version number>`. */
  questionnaire: string;
  unitCodes: string[];
  /** Citizens per unit for direct surveys; empty = none (or computed from the dossiers). */
  sampleSize: string;
  /** The margin of error e in percent (`5` or `2,5`), for the sample sizes computed from N. */
  marginPercent: string;
  /** Each unit's number of dossiers N; a unit with one gets n = N ÷ (1 + N·e²) instead. */
  populations: Record<string, string>;
  /** Vietnam wall-clock `YYYY-MM-DDTHH:mm`; empty = until the admin closes it. */
  closesAt: string;
}

export function emptyCampaignForm(): CampaignFormValues {
  return {
    name: '',
    periodId: '',
    questionnaire: '',
    unitCodes: [],
    sampleSize: '',
    marginPercent: '5',
    populations: {},
    closesAt: '',
  };
}

/** `5` or `2,5` (percent) → hundredths of a percent (500, 250); not a number → NaN. */
export function marginFromPercent(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? NaN : Math.round(Number(trimmed) * 100);
}

const parseCount = (text: string | undefined): number | null =>
  text === undefined || text.trim() === '' ? null : Number(text);

/**
 * The sample size a unit's dossiers give at the form's margin, as the service will compute it
 * (the contract's `sampleSize`); null while N or the margin is missing or out of range.
 */
export function computedSampleSize(values: CampaignFormValues, unitCode: string): number | null {
  const population = parseCount(values.populations[unitCode]);
  if (population === null) return null;
  try {
    return yamaneSampleSize(population, marginFromPercent(values.marginPercent));
  } catch {
    return null;
  }
}

/** A Vietnam wall-clock input value → an ISO time with the +07:00 offset. */
export function vietnamInputToIso(value: string): string | null {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+07:00` : null;
}

export function toCampaignParams(values: CampaignFormValues): CreateCampaignParams {
  const [questionnaireId = '', version = ''] = values.questionnaire.split('/');
  const sampleSize = parseCount(values.sampleSize);
  const units = values.unitCodes.map((unitCode) => {
    const population = parseCount(values.populations[unitCode]);
    // With N the service computes n itself (and marks it computed); a typed n applies otherwise.
    return population === null
      ? { unitCode, sampleSize }
      : { unitCode, population, sampleSize: null };
  });
  const withPopulation = units.some((unit) => 'population' in unit);
  return {
    periodId: values.periodId,
    name: values.name.trim(),
    questionnaireId,
    questionnaireVersion: Number(version) || 0,
    units,
    ...(withPopulation ? { marginOfError: marginFromPercent(values.marginPercent) } : {}),
    closesAt: vietnamInputToIso(values.closesAt),
  };
}

/** Where each contract field sits in the campaign form. */
const campaignFormField: Record<string, keyof CampaignFormValues> = {
  periodId: 'periodId',
  name: 'name',
  questionnaireId: 'questionnaire',
  questionnaireVersion: 'questionnaire',
  units: 'unitCodes',
  marginOfError: 'marginPercent',
  closesAt: 'closesAt',
};

/** What a rule without a catalogue key of its own means in each field. */
const campaignFallback: Record<keyof CampaignFormValues, MessageKey> = {
  name: 'survey.label.required',
  periodId: 'period.notFound',
  questionnaire: 'survey.questionnaire.notFound',
  unitCodes: 'survey.campaign.units.required',
  sampleSize: 'survey.sample.population',
  marginPercent: 'survey.sample.margin',
  populations: 'survey.sample.population',
  closesAt: 'survey.label.required',
};

/** The contract's verdict on the campaign form, one message per form field. */
export function campaignMessages(
  values: CampaignFormValues,
  locale: Locale,
): Partial<Record<keyof CampaignFormValues, string>> {
  const result = CreateCampaignParams.safeParse(toCampaignParams(values));
  if (result.success) return {};
  const messages: Partial<Record<keyof CampaignFormValues, string>> = {};
  for (const issue of result.error.issues) {
    const [head, , leaf] = issue.path.map(String);
    const field =
      head === 'units' && leaf === 'sampleSize'
        ? 'sampleSize'
        : head === 'units' && leaf === 'population'
          ? 'populations'
          : campaignFormField[head ?? ''];
    if (!field || messages[field]) continue;
    messages[field] = formatMessage(
      isMessageKey(issue.message) ? issue.message : campaignFallback[field],
      {},
      locale,
    );
  }
  return messages;
}

/** The public links/QR page of the public remote, for one campaign and unit. */
export function surveyLinksPath(campaignId: string, unitCode?: string): string {
  const query = new URLSearchParams({
    campaign: campaignId,
    ...(unitCode ? { unit: unitCode } : {}),
  });
  return `/public?${query.toString()}`;
}

/** Hundredths of a percent → `87,5 %`; none → `—`. */
export function formatShare(basisPoints: number | null, locale: Locale): string {
  return basisPoints === null ? '—' : formatPercent(basisPoints, locale);
}

/** A mean in hundredths → `4,25`; none → `—`. */
export function formatMean(hundredths: number | null, locale: Locale): string {
  return hundredths === null ? '—' : formatHundredths(hundredths, locale);
}

/** Responses against the sample size: `12 / 30`, or `12` without one. */
export function formatProgress(
  responses: number,
  sampleSize: number | null,
  locale: Locale,
): string {
  const fmt = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB');
  return sampleSize === null
    ? fmt.format(responses)
    : `${fmt.format(responses)} / ${fmt.format(sampleSize)}`;
}
