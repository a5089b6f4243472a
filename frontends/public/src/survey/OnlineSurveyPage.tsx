/**
 * The citizens' form behind a unit's campaign link: the questionnaire by section, a question
 * shown only once the answer it depends on is given, checked with the contract's rule before it
 * is sent, one answer per device (the device token), then thanks; a closed campaign says so.
 */
import { useEffect, useRef, useState } from 'react';
import type { PublicSurveyForm } from '@par/contracts';
import { deviceToken, hasAnswered, markAnswered } from '../device/device-token';
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
type View =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'notFound' }
  | { kind: 'form'; form: PublicSurveyForm }
  | { kind: 'done'; title: string; body: string; tone: Tone };

function Outcome({ title, body, tone }: { title: string; body: string; tone: Tone }) {
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
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const show = (next: View) => !cancelled && setView(next);
    if (hasAnswered(localStorage, campaignId, unitCode)) {
      show({
        kind: 'done',
        title: t('alreadyAnswered.title'),
        body: t('alreadyAnswered.body'),
        tone: 'info',
      });
      return;
    }
    loadSurveyForm(campaignId, unitCode)
      .then((form) => {
        if (!form) return show({ kind: 'notFound' });
        if (!form.accepting)
          return show({
            kind: 'done',
            title: t('closed.title'),
            body: t('closed.body'),
            tone: 'info',
          });
        show({ kind: 'form', form });
      })
      .catch(() => show({ kind: 'failed' }));
    return () => {
      cancelled = true;
    };
  }, [campaignId, unitCode, attempt]);

  switch (view.kind) {
    case 'loading':
      return (
        <main>
          <p role="status">{t('loading')}</p>
        </main>
      );
    case 'failed':
      return (
        <main>
          <div className="banner bad" role="alert">
            <p>{t('loadFailed')}</p>
          </div>
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('retry')}
          </button>
        </main>
      );
    case 'notFound':
      return (
        <main>
          <div className="banner bad" role="alert">
            <p>{t('notFound')}</p>
          </div>
        </main>
      );
    case 'done':
      return <Outcome title={view.title} body={view.body} tone={view.tone} />;
    case 'form':
      return (
        <SurveyForm
          form={view.form}
          onDone={(title, body, tone) => setView({ kind: 'done', title, body, tone })}
        />
      );
  }
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
