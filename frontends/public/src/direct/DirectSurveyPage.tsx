/**
 * The surveyors' form (direct surveys of sampled citizens, or paper forms typed in by staff),
 * in the shell: each saved form goes first to the device's outbox (IndexedDB), then to the survey
 * service whenever there is a connection — at once, when the connection returns, or on "Gửi
 * ngay". Each form carries its key as the paper id (the printed id, or one generated), and the
 * service writes one paper id once, so a form sent twice is written once.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { surveyResponseActions, type PublicSurveyForm } from '@par/contracts';
import { isApiError, useApiClient } from '@par/client';
import { useParams } from 'react-router';
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
import {
  asksPersonalData,
  checkForm,
  visibleSections,
  type FormErrors,
  type FormValues,
} from '../survey/form-state';
import type { CheckedAnswers } from '@par/contracts';

interface DirectSubmission {
  campaignId: string;
  unitCode: string;
  answers: CheckedAnswers;
  consent: boolean;
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

/** What the outbox makes of the service's answer to one form. */
export function paperOutcome(error: unknown): SendOutcome {
  if (!isApiError(error)) return { kind: 'unreachable' };
  // No connection (status 0), a lapsed login, a rate limit, a server down: try again later.
  if (error.status === 0 || error.status === 401 || error.retryable) return { kind: 'unreachable' };
  return { kind: 'rejected', message: error.message };
}

/** The outbox, its counts, and a flush that runs alone and on every return of the connection. */
function useOutbox(online: boolean) {
  const client = useApiClient();
  const store = useMemo(() => indexedDbOutbox<DirectSubmission>(), []);
  const [pending, setPending] = useState<PendingForm<DirectSubmission>[]>([]);
  const [sentCount, setSentCount] = useState(0);

  const refresh = useCallback(async () => setPending(await store.all()), [store]);

  const flush = useMemo(
    () =>
      singleFlight(async () => {
        const result = await flushOutbox(store, async (form): Promise<SendOutcome> => {
          try {
            await client.callAction(surveyResponseActions.enterPaperResponse, {
              ...form.submission,
              paperId: form.key,
            });
            return { kind: 'accepted' };
          } catch (error) {
            return paperOutcome(error);
          }
        });
        setSentCount((count) => count + result.sent.length);
        await refresh();
        return result;
      }),
    [store, refresh, client],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    if (online) void flush().catch(() => undefined);
  }, [online, flush]);

  return { store, pending, sentCount, flush, refresh };
}

export default function DirectSurveyPage() {
  const { campaignId = '', unitCode = '' } = useParams();
  const client = useApiClient();
  const online = useOnline();
  const outbox = useOutbox(online);
  const [form, setForm] = useState<PublicSurveyForm | null | undefined>();

  useEffect(() => {
    client
      .callAction(surveyResponseActions.getPublicForm, { campaignId, unitCode })
      .then(setForm)
      .catch(() => setForm(null));
  }, [client, campaignId, unitCode]);

  const waiting = outbox.pending.filter((pending) => pending.rejection === undefined);
  const rejected = outbox.pending.filter((pending) => pending.rejection !== undefined);

  return (
    <main className="par-direct-survey">
      <h1>{t('direct.title')}</h1>
      <p>{t('direct.intro')}</p>
      <div role="status" data-testid="direct-status">
        <p>{online ? t('direct.online') : t('direct.offline')}</p>
        <p>
          <span data-testid="direct-pending">{t('direct.pending', { count: waiting.length })}</span>
          {' · '}
          <span data-testid="direct-sent">{t('direct.sent', { count: outbox.sentCount })}</span>
        </p>
        {online && waiting.length > 0 && (
          <button type="button" onClick={() => void outbox.flush()}>
            {t('direct.syncNow')}
          </button>
        )}
      </div>
      {rejected.map((pending) => (
        <div role="alert" key={pending.key}>
          <p>{t('direct.rejected', { key: pending.key, message: pending.rejection ?? '' })}</p>
        </div>
      ))}
      {form === undefined && <p role="status">{t('loading')}</p>}
      {form === null && (
        <div role="alert">
          <p>{t('loadFailed')}</p>
        </div>
      )}
      {form && (
        <DirectForm
          form={form}
          onSaved={async (saved) => {
            const existing = await outbox.store.all();
            if (existing.some((other) => other.key === saved.key)) return false;
            await outbox.store.put(saved);
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
  form,
  onSaved,
}: {
  form: PublicSurveyForm;
  onSaved: (form: PendingForm<DirectSubmission>) => Promise<boolean>;
}) {
  const definition = form.questionnaire;
  const [values, setValues] = useState<FormValues>({});
  const [consent, setConsent] = useState(false);
  const [paperId, setPaperId] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'bad' }>();
  const [formNumber, setFormNumber] = useState(0);
  const summary = useRef<HTMLDivElement>(null);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const checked = checkForm(definition, values, consent);
    if (!checked.ok) {
      setErrors(checked.errors);
      setMessage({
        text: t('fixErrors', { count: Object.keys(checked.errors).length }),
        tone: 'bad',
      });
      const first = Object.keys(checked.errors)[0]!;
      requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
      return;
    }
    const key = paperId.trim() ? paperFormKey(paperId) : newFormKey();
    const saved = await onSaved({
      key,
      submission: {
        campaignId: form.campaignId,
        unitCode: form.unitCode,
        answers: checked.answers,
        consent,
      },
      savedAt: new Date().toISOString(),
    });
    if (!saved) {
      setMessage({ text: t('direct.duplicatePaper', { paperId: paperId.trim() }), tone: 'bad' });
      requestAnimationFrame(() => document.getElementById('paper-id')?.focus());
      return;
    }
    setValues({});
    setConsent(false);
    setPaperId('');
    setErrors({});
    setMessage({ text: t('direct.saved', { key }), tone: 'ok' });
    setFormNumber((n) => n + 1);
    requestAnimationFrame(() => summary.current?.focus());
  }

  return (
    <>
      <h2>
        {definition.title} — {form.unitName}
      </h2>
      <div
        ref={summary}
        tabIndex={-1}
        role={message?.tone === 'bad' ? 'alert' : 'status'}
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
            maxLength={59}
            aria-describedby="paper-id-help"
            onChange={(event) => setPaperId(event.target.value)}
          />
          <p className="hint" id="paper-id-help">
            {t('direct.paperIdHint')}
          </p>
        </div>
        <QuestionnaireForm
          sections={visibleSections(definition, values)}
          answers={values}
          errors={errors}
          onChange={(key, value) => setValues((current) => ({ ...current, [key]: value }))}
        />
        {asksPersonalData(definition, values) && definition.consentText && (
          <label className="choice" htmlFor="direct-consent">
            <input
              id="direct-consent"
              type="checkbox"
              checked={consent}
              onChange={(event) => setConsent(event.target.checked)}
            />
            <span>{definition.consentText}</span>
          </label>
        )}
        <div className="actions">
          <button type="submit" data-testid="direct-save">
            {t('direct.save')}
          </button>
        </div>
      </form>
    </>
  );
}
