/**
 * The surveyors' form (direct surveys of sampled citizens, or paper forms typed in by staff): each
 * saved form goes first to the device's outbox (IndexedDB), then to the survey service whenever
 * there is a connection — at once, when the connection returns, or on "Gửi ngay". Each form
 * carries its key (the paper form's id, or one generated), so it is written exactly once.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { indexedDbOutbox } from '../offline/indexeddb-store';
import {
  flushOutbox,
  newFormKey,
  paperFormKey,
  singleFlight,
  type PendingForm,
  type SendOutcome,
} from '../offline/outbox';
import { t } from '../standalone/texts';
import { QuestionnaireForm, fieldId } from '../survey/QuestionnaireForm';
import { checkAnswers, visibleSections } from '../survey/form-state';
import type { AnswerErrors, Answers } from '../survey/questionnaire-view';
import type { PublicSurvey } from '../survey/public-survey-api';
import { publicSurveyApi } from '../survey/public-survey-client';

interface DirectSubmission {
  survey: PublicSurvey;
  answers: Answers;
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** The outbox, its counts, and a flush that runs alone and on every return of the connection. */
function useOutbox(online: boolean) {
  const store = useMemo(() => indexedDbOutbox<DirectSubmission>(), []);
  const [pending, setPending] = useState<PendingForm<DirectSubmission>[]>([]);
  const [sentCount, setSentCount] = useState(0);

  const refresh = useCallback(async () => setPending(await store.all()), [store]);

  const flush = useMemo(
    () =>
      singleFlight(async () => {
        const api = await publicSurveyApi();
        const result = await flushOutbox(store, async (form): Promise<SendOutcome> => {
          const outcome = await api.submit(form.submission.survey, form.submission.answers, {
            idempotencyKey: form.key,
            channel: 'direct',
          });
          if (outcome.kind === 'accepted' || outcome.kind === 'alreadyAnswered')
            return { kind: 'accepted' };
          if (outcome.kind === 'unreachable') return { kind: 'unreachable' };
          return { kind: 'rejected', message: outcome.message };
        });
        setSentCount((count) => count + result.sent.length);
        await refresh();
        return result;
      }),
    [store, refresh],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    if (online) void flush().catch(() => undefined);
  }, [online, flush]);

  return { store, pending, sentCount, flush, refresh };
}

export default function DirectSurveyPage({ linkId }: { linkId: string }) {
  const online = useOnline();
  const outbox = useOutbox(online);
  const [survey, setSurvey] = useState<PublicSurvey | null | undefined>();

  useEffect(() => {
    publicSurveyApi()
      .then((api) => api.load(linkId))
      .then((loaded) => setSurvey(loaded ?? null))
      .catch(() => setSurvey(null));
  }, [linkId]);

  const waiting = outbox.pending.filter((form) => form.rejection === undefined);
  const rejected = outbox.pending.filter((form) => form.rejection !== undefined);

  return (
    <main>
      <h1>{t('direct.title')}</h1>
      <p className="hint">{t('direct.intro')}</p>
      <div className={`banner ${online ? 'ok' : 'bad'}`} role="status" data-testid="direct-status">
        <p>{online ? t('direct.online') : t('direct.offline')}</p>
        <p>
          <span data-testid="direct-pending">{t('direct.pending', { count: waiting.length })}</span>
          {' · '}
          <span data-testid="direct-sent">{t('direct.sent', { count: outbox.sentCount })}</span>
        </p>
        {online && waiting.length > 0 && (
          <button type="button" className="secondary" onClick={() => void outbox.flush()}>
            {t('direct.syncNow')}
          </button>
        )}
      </div>
      {rejected.map((form) => (
        <div className="banner bad" role="alert" key={form.key}>
          <p>{t('direct.rejected', { key: form.key, message: form.rejection ?? '' })}</p>
        </div>
      ))}
      {survey === undefined && <p role="status">{t('loading')}</p>}
      {survey === null && (
        <div className="banner bad" role="alert">
          <p>{t('loadFailed')}</p>
        </div>
      )}
      {survey && (
        <DirectForm
          survey={survey}
          onSaved={async (form) => {
            const existing = await outbox.store.all();
            if (existing.some((other) => other.key === form.key)) return false;
            await outbox.store.put(form);
            await outbox.refresh();
            if (navigator.onLine) void outbox.flush().catch(() => undefined);
            return true;
          }}
        />
      )}
    </main>
  );
}

function DirectForm({
  survey,
  onSaved,
}: {
  survey: PublicSurvey;
  onSaved: (form: PendingForm<DirectSubmission>) => Promise<boolean>;
}) {
  const [answers, setAnswers] = useState<Answers>({});
  const [paperId, setPaperId] = useState('');
  const [errors, setErrors] = useState<AnswerErrors>({});
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'bad' }>();
  const [formNumber, setFormNumber] = useState(0);
  const summary = useRef<HTMLDivElement>(null);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const checked = checkAnswers(survey.sections, answers);
    if (!checked.ok) {
      setErrors(checked.errors);
      setMessage({
        text: t('fixErrors', { count: Object.keys(checked.errors).length }),
        tone: 'bad',
      });
      const first = Object.keys(checked.errors)[0];
      requestAnimationFrame(() => document.getElementById(fieldId(first!))?.focus());
      return;
    }
    const key = paperId.trim() ? paperFormKey(paperId) : newFormKey();
    const saved = await onSaved({
      key,
      submission: { survey, answers: checked.answers },
      savedAt: new Date().toISOString(),
    });
    if (!saved) {
      setMessage({ text: t('direct.duplicatePaper', { paperId: paperId.trim() }), tone: 'bad' });
      requestAnimationFrame(() => document.getElementById('paper-id')?.focus());
      return;
    }
    setAnswers({});
    setPaperId('');
    setErrors({});
    setMessage({ text: t('direct.saved', { key }), tone: 'ok' });
    setFormNumber((n) => n + 1);
    requestAnimationFrame(() => summary.current?.focus());
  }

  return (
    <>
      <h2>
        {survey.title} — {survey.unitName}
      </h2>
      <div
        ref={summary}
        tabIndex={-1}
        role={message?.tone === 'bad' ? 'alert' : 'status'}
        className={message ? `banner ${message.tone}` : undefined}
        data-testid="direct-message"
      >
        {message?.text}
      </div>
      <form noValidate onSubmit={(event) => void save(event)} key={formNumber}>
        <div className="question">
          <label htmlFor="paper-id">{t('direct.paperId')}</label>
          <input
            id="paper-id"
            type="text"
            autoComplete="off"
            value={paperId}
            maxLength={40}
            aria-describedby="paper-id-help"
            onChange={(event) => setPaperId(event.target.value)}
          />
          <p className="hint" id="paper-id-help">
            {t('direct.paperIdHint')}
          </p>
        </div>
        <QuestionnaireForm
          sections={visibleSections(survey.sections, answers)}
          answers={answers}
          errors={errors}
          onChange={(questionId, value) =>
            setAnswers((current) => ({ ...current, [questionId]: value }))
          }
        />
        <div className="actions">
          <button type="submit">{t('direct.save')}</button>
        </div>
      </form>
    </>
  );
}
