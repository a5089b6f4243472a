/**
 * The citizens' form behind a unit's campaign link: the questionnaire by section, a question
 * shown only once the answer it depends on is given, checked with the survey's shared rules before
 * it is sent, one answer per device (the device token), then thanks; a closed campaign says so.
 */
import { useEffect, useRef, useState } from 'react';
import { deviceToken, hasAnswered, markAnswered } from '../device/device-token';
import { t } from '../standalone/texts';
import { QuestionnaireForm, fieldId } from './QuestionnaireForm';
import { checkAnswers, visibleSections } from './form-state';
import type { AnswerErrors, Answers } from './questionnaire-view';
import type { PublicSurvey } from './public-survey-api';
import { publicSurveyApi } from './public-survey-client';

type View =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'notFound' }
  | { kind: 'form'; survey: PublicSurvey }
  | { kind: 'done'; title: string; body: string; tone: 'ok' | 'info' };

function Banner({
  title,
  body,
  tone,
}: {
  title: string;
  body: string;
  tone: 'ok' | 'info' | 'bad';
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
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
  );
}

export default function OnlineSurveyPage({ linkId }: { linkId: string }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    publicSurveyApi()
      .then((api) => api.load(linkId))
      .then((survey) => {
        if (cancelled) return;
        if (!survey) return setView({ kind: 'notFound' });
        if (survey.state === 'closed')
          return setView({
            kind: 'done',
            title: t('closed.title'),
            body: t('closed.body'),
            tone: 'info',
          });
        if (survey.state === 'notOpen')
          return setView({
            kind: 'done',
            title: t('notOpen.title'),
            body: t('notOpen.body'),
            tone: 'info',
          });
        if (hasAnswered(localStorage, survey.campaignId, survey.unitKey))
          return setView({
            kind: 'done',
            title: t('alreadyAnswered.title'),
            body: t('alreadyAnswered.body'),
            tone: 'info',
          });
        setView({ kind: 'form', survey });
      })
      .catch(() => !cancelled && setView({ kind: 'failed' }));
    return () => {
      cancelled = true;
    };
  }, [linkId, attempt]);

  if (view.kind === 'loading')
    return (
      <main>
        <p role="status">{t('loading')}</p>
      </main>
    );
  if (view.kind === 'failed')
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
  if (view.kind === 'notFound')
    return (
      <main>
        <div className="banner bad" role="alert">
          <p>{t('notFound')}</p>
        </div>
      </main>
    );
  if (view.kind === 'done')
    return (
      <main>
        <Banner title={view.title} body={view.body} tone={view.tone} />
      </main>
    );
  return (
    <SurveyForm
      survey={view.survey}
      onDone={(title, body, tone) => setView({ kind: 'done', title, body, tone })}
    />
  );
}

function SurveyForm({
  survey,
  onDone,
}: {
  survey: PublicSurvey;
  onDone: (title: string, body: string, tone: 'ok' | 'info') => void;
}) {
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<AnswerErrors>({});
  const [message, setMessage] = useState<string>();
  const [sending, setSending] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  // One key per filled form: a retry after a lost answer is the same answer, not a second one.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const sections = visibleSections(survey.sections, answers);

  function showErrors(found: AnswerErrors, text: string) {
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
    const checked = checkAnswers(survey.sections, answers);
    if (!checked.ok) {
      showErrors(checked.errors, t('fixErrors', { count: Object.keys(checked.errors).length }));
      return;
    }
    setSending(true);
    const api = await publicSurveyApi();
    const outcome = await api.submit(survey, checked.answers, {
      deviceToken: deviceToken(localStorage),
      idempotencyKey,
      channel: 'online',
    });
    setSending(false);
    switch (outcome.kind) {
      case 'accepted':
        markAnswered(localStorage, survey.campaignId, survey.unitKey);
        return onDone(t('thanks.title'), t('thanks.body'), 'ok');
      case 'alreadyAnswered':
        markAnswered(localStorage, survey.campaignId, survey.unitKey);
        return onDone(
          t('alreadyAnswered.title'),
          outcome.message || t('alreadyAnswered.body'),
          'info',
        );
      case 'closed':
        return onDone(t('closed.title'), outcome.message || t('closed.body'), 'info');
      case 'invalid':
        return showErrors(outcome.fields, outcome.message);
      case 'unreachable':
        setErrors({});
        setMessage(t('offlineSubmit'));
        requestAnimationFrame(() => summary.current?.focus());
    }
  }

  return (
    <main>
      <h1>{survey.title}</h1>
      <p>{survey.unitName}</p>
      {survey.intro && <p className="hint">{survey.intro}</p>}
      <p className="hint">{t('requiredNote')}</p>
      <div ref={summary} tabIndex={-1} role="alert" className={message ? 'banner bad' : undefined}>
        {message}
      </div>
      <form noValidate onSubmit={(event) => void submit(event)} aria-busy={sending}>
        <QuestionnaireForm
          sections={sections}
          answers={answers}
          errors={errors}
          onChange={(questionId, value) => {
            setAnswers((current) => ({ ...current, [questionId]: value }));
            if (errors[questionId]) setErrors(({ [questionId]: _fixed, ...rest }) => rest);
          }}
        />
        <div className="actions">
          <button type="submit" disabled={sending}>
            {sending ? t('submitting') : t('submit')}
          </button>
        </div>
      </form>
    </main>
  );
}
