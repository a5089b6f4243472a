/**
 * The citizens' form behind a unit's campaign link: the questionnaire by section, a question
 * shown only once the answer it depends on is given, checked with the contract's rule before it
 * is sent, one answer per device (the device token), then thanks; a closed campaign says so.
 */
import { useEffect, useRef, useState } from 'react';
import type { PublicSurveyForm } from '@par/contracts';
import { deviceToken, hasAnswered, markAnswered } from '../device/device-token';
import { Load, useLoad } from '../standalone/Load';
import { t } from '../standalone/texts';
import { QuestionnaireForm, fieldId } from './QuestionnaireForm';
import {
  asksPersonalData,
  checkForm,
  fieldErrorsByQuestion,
  visibleSections,
  type FormErrors,
  type FormValues,
} from './form-state';
import { loadSurveyForm, submitAnswers } from './public-survey-api';

type Tone = 'ok' | 'info';
interface Done {
  title: string;
  body: string;
  tone: Tone;
}

function Outcome({ title, body, tone }: Done) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <main>
      <div
        className={`banner ${tone}`}
        role="status"
        tabIndex={-1}
        ref={ref}
        data-testid="survey-outcome"
      >
        <h1>{title}</h1>
        <p>{body}</p>
      </div>
    </main>
  );
}

export default function OnlineSurveyPage(props: { campaignId: string; unitCode: string }) {
  const { campaignId, unitCode } = props;
  const [loaded, retry] = useLoad<PublicSurveyForm | 'answered' | undefined>(
    // This device answered already: it is said without asking the service.
    () =>
      hasAnswered(localStorage, campaignId, unitCode)
        ? Promise.resolve('answered')
        : loadSurveyForm(campaignId, unitCode),
    [campaignId, unitCode],
  );
  const [done, setDone] = useState<Done>();

  if (done) return <Outcome {...done} />;
  return (
    <Load
      state={loaded}
      retry={retry}
      texts={{ loading: t('loading'), failed: t('loadFailed'), notFound: t('notFound') }}
    >
      {(form) =>
        form === 'answered' ? (
          <Outcome
            title={t('alreadyAnswered.title')}
            body={t('alreadyAnswered.body')}
            tone="info"
          />
        ) : !form.accepting ? (
          <Outcome title={t('closed.title')} body={t('closed.body')} tone="info" />
        ) : (
          <SurveyForm form={form} onDone={(title, body, tone) => setDone({ title, body, tone })} />
        )
      }
    </Load>
  );
}

function SurveyForm({
  form,
  onDone,
}: {
  form: PublicSurveyForm;
  onDone: (title: string, body: string, tone: Tone) => void;
}) {
  const definition = form.questionnaire;
  const [values, setValues] = useState<FormValues>({});
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [message, setMessage] = useState<string>();
  const [sending, setSending] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  function showErrors(found: FormErrors, text: string) {
    setErrors(found);
    setMessage(text);
    const first = Object.keys(found)[0];
    requestAnimationFrame(() => {
      const field = first ? document.getElementById(fieldId(first)) : null;
      (field ?? summary.current)?.focus();
    });
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const checked = checkForm(definition, values, consent);
    if (!checked.ok) {
      showErrors(checked.errors, t('fixErrors', { count: Object.keys(checked.errors).length }));
      return;
    }
    setSending(true);
    const outcome = await submitAnswers(form, checked.answers, {
      deviceToken: deviceToken(localStorage),
      consent,
    });
    setSending(false);
    switch (outcome.kind) {
      case 'accepted':
        markAnswered(localStorage, form.campaignId, form.unitCode);
        return onDone(t('thanks.title'), t('thanks.body'), 'ok');
      case 'alreadyAnswered':
        markAnswered(localStorage, form.campaignId, form.unitCode);
        return onDone(t('alreadyAnswered.title'), outcome.message, 'info');
      case 'closed':
        return onDone(t('closed.title'), outcome.message, 'info');
      case 'invalid':
        return showErrors(fieldErrorsByQuestion(outcome.fields), outcome.message);
      case 'unreachable':
        setErrors({});
        setMessage(outcome.message);
        requestAnimationFrame(() => summary.current?.focus());
    }
  }

  return (
    <main>
      <h1>{definition.title}</h1>
      <p>
        <strong>{form.unitName}</strong> · {form.campaignName}
      </p>
      {definition.introduction && <p className="hint">{definition.introduction}</p>}
      <p className="hint">{t('requiredNote')}</p>
      <div
        ref={summary}
        tabIndex={-1}
        role="alert"
        className={message ? 'banner bad' : undefined}
        data-testid="survey-message"
      >
        {message}
      </div>
      <form noValidate onSubmit={(event) => void submit(event)} aria-busy={sending}>
        <QuestionnaireForm
          sections={visibleSections(definition, values)}
          answers={values}
          errors={errors}
          onChange={(key, value) => {
            setValues((current) => ({ ...current, [key]: value }));
            if (errors[key]) setErrors(({ [key]: _fixed, ...rest }) => rest);
          }}
        />
        {asksPersonalData(definition, values) && definition.consentText && (
          <div className="question">
            <label className="choice" htmlFor="consent">
              <input
                id="consent"
                type="checkbox"
                checked={consent}
                aria-describedby={errors.consent ? 'consent-error' : undefined}
                onChange={(event) => setConsent(event.target.checked)}
              />
              <span>{definition.consentText}</span>
            </label>
            {errors.consent && (
              <p className="error" id="consent-error">
                {errors.consent}
              </p>
            )}
          </div>
        )}
        <div className="actions">
          <button type="submit" disabled={sending} data-testid="survey-submit">
            {sending ? t('submitting') : t('submit')}
          </button>
        </div>
      </form>
    </main>
  );
}
