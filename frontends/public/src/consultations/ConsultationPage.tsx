/**
 * One draft policy as the public sees it: its text, the unit's summary once published, the
 * approved comments (rendered as text: whatever a citizen typed, HTML included, shows as
 * characters), and the comment form while the deadline has not passed. A comment sent waits for
 * the unit's moderation, and the page says so.
 */
import { useRef, useState } from 'react';
import {
  SubmitCommentParams,
  acceptsComments,
  formatBytes,
  formatMessage,
  formatVietnamDateTime,
  isMessageKey,
  type PublicConsultation,
} from '@par/contracts';
import { Load, useLoad } from '../standalone/Load';
import { consultationsPath } from '../standalone/routes';
import { t } from '../standalone/texts';
import { card, typedText, plainList } from './styles';
import { attachmentUrl, loadConsultation, submitComment } from './consultation-api';

export default function ConsultationPage({ id }: { id: string }) {
  const [loaded, retry] = useLoad(() => loadConsultation(id), [id]);
  return (
    <Load
      state={loaded}
      retry={retry}
      texts={{
        loading: t('consultations.loading'),
        failed: t('consultations.loadFailed'),
        notFound: t('consultations.notFound'),
      }}
    >
      {(consultation) => <Consultation consultation={consultation} />}
    </Load>
  );
}

function Consultation({ consultation: c }: { consultation: PublicConsultation }) {
  const open = c.accepting && acceptsComments(c.closesAt, new Date());
  return (
    <main>
      <p className="hint">
        <a href={consultationsPath}>{t('consultations.back')}</a>
      </p>
      <h1>{c.title}</h1>
      <p className="hint">
        {t(open ? 'consultations.openUntil' : 'consultations.ended', {
          unit: c.unitCode,
          closesAt: formatVietnamDateTime(c.closesAt),
        })}
      </p>
      <section style={card} aria-labelledby="draft-text">
        <h2 id="draft-text">{t('consultations.draft')}</h2>
        <div style={typedText} data-testid="consultation-text">
          {c.text}
        </div>
      </section>
      {c.attachments.length > 0 && <Attachments consultation={c} />}
      {c.summary && (
        <section style={card} aria-labelledby="summary" data-testid="consultation-summary">
          <h2 id="summary">{t('consultations.summary')}</h2>
          <div style={typedText}>{c.summary}</div>
        </section>
      )}
      <section aria-labelledby="comments">
        <h2 id="comments">{t('consultations.comments', { count: c.approvedComments.length })}</h2>
        {c.approvedComments.length === 0 ? (
          <p className="hint">{t('consultations.noComments')}</p>
        ) : (
          <ul style={plainList} data-testid="approved-comments">
            {c.approvedComments.map((comment) => (
              <li key={comment.id} style={card}>
                <p className="hint">
                  <strong>{comment.authorName ?? t('consultations.anonymous')}</strong> ·{' '}
                  {formatVietnamDateTime(comment.createdAt)}
                </p>
                <div style={typedText}>{comment.text}</div>
              </li>
            ))}
          </ul>
        )}
      </section>
      {open ? (
        <CommentForm id={c.id} />
      ) : (
        <p className="banner" role="status">
          {t('consultations.closed')}
        </p>
      )}
    </main>
  );
}

/** The draft's files: each link asks for a short-lived download URL, then follows it. */
function Attachments({ consultation: c }: { consultation: PublicConsultation }) {
  const [failed, setFailed] = useState<string>();
  const download = async (file: PublicConsultation['attachments'][number]) => {
    setFailed(undefined);
    try {
      window.location.assign(await attachmentUrl(c.id, file.id));
    } catch {
      setFailed(t('consultations.downloadFailed', { name: file.name }));
    }
  };
  return (
    <section style={card} aria-labelledby="attachments" data-testid="consultation-attachments">
      <h2 id="attachments">{t('consultations.attachments')}</h2>
      <p className="hint">{t('consultations.attachmentsHint')}</p>
      {failed && (
        <p className="banner bad" role="alert">
          {failed}
        </p>
      )}
      <ul>
        {c.attachments.map((file) => (
          <li key={file.id}>
            <a
              href={`#tep-${file.id}`}
              data-testid="attachment-link"
              onClick={(event) => {
                event.preventDefault();
                void download(file);
              }}
            >
              {file.name}
            </a>{' '}
            <span className="hint">({formatBytes(file.size)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

type Errors = Partial<Record<'authorName' | 'text', string>>;

function CommentForm({ id }: { id: string }) {
  const [authorName, setAuthorName] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ tone: 'bad' | 'ok'; text: string }>();
  const [sending, setSending] = useState(false);
  const banner = useRef<HTMLDivElement>(null);

  const show = (tone: 'bad' | 'ok', body: string, found: Errors = {}) => {
    setErrors(found);
    setMessage({ tone, text: body });
    requestAnimationFrame(() => {
      const first = Object.keys(found)[0];
      const field = first ? document.getElementById(`comment-${first}`) : null;
      (field ?? banner.current)?.focus();
    });
  };

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    // The contract's own rule, as the service checks it: nothing is sent that it would refuse.
    const checked = SubmitCommentParams.safeParse({ id, authorName, text });
    if (!checked.success) {
      const found: Errors = {};
      for (const issue of checked.error.issues) {
        const field = issue.path[0];
        if ((field === 'text' || field === 'authorName') && !found[field])
          found[field] = isMessageKey(issue.message)
            ? formatMessage(issue.message, {}, 'vi')
            : t('consultations.fix');
      }
      return show('bad', t('consultations.fix'), found);
    }
    setSending(true);
    const outcome = await submitComment({ id, authorName, text });
    setSending(false);
    switch (outcome.kind) {
      case 'accepted':
        setText('');
        return show('ok', t('consultations.sent'));
      case 'invalid': {
        const found: Errors = {};
        for (const f of outcome.fields)
          if (f.field === 'text' || f.field === 'authorName') found[f.field] ??= f.message;
        return show('bad', outcome.message, found);
      }
      case 'alreadyAnswered':
      case 'closed':
      case 'unreachable':
        return show('bad', outcome.message);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-busy={sending}>
      <h2>{t('consultations.formTitle')}</h2>
      <p className="hint">{t('consultations.moderationNote')}</p>
      <div
        ref={banner}
        tabIndex={-1}
        role={message?.tone === 'bad' ? 'alert' : 'status'}
        className={message ? `banner ${message.tone}` : undefined}
        data-testid="comment-message"
      >
        {message?.text}
      </div>
      <div className="question">
        <label htmlFor="comment-authorName">{t('consultations.name')}</label>
        <input
          id="comment-authorName"
          type="text"
          maxLength={100}
          autoComplete="name"
          value={authorName}
          aria-invalid={errors.authorName ? true : undefined}
          aria-describedby={errors.authorName ? 'comment-authorName-error' : undefined}
          onChange={(event) => setAuthorName(event.target.value)}
        />
        {errors.authorName && (
          <p className="error" id="comment-authorName-error">
            {errors.authorName}
          </p>
        )}
      </div>
      <div className="question">
        <label htmlFor="comment-text">
          {t('consultations.text')} <span className="required">*</span>
        </label>
        <textarea
          id="comment-text"
          data-testid="comment-text"
          maxLength={2000}
          value={text}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errors.text ? 'comment-text-error' : 'comment-text-count'}
          onChange={(event) => setText(event.target.value)}
        />
        <p className="hint" id="comment-text-count">
          {t('consultations.count', { count: text.length })}
        </p>
        {errors.text && (
          <p className="error" id="comment-text-error">
            {errors.text}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" disabled={sending} data-testid="comment-submit">
          {sending ? t('submitting') : t('consultations.submit')}
        </button>
      </div>
    </form>
  );
}
