/** One published question and its answer, as the public sees it (rendered as text). */
import { useEffect, useState } from 'react';
import { formatVietnamDate, type PublicQuestion } from '@par/contracts';
import { card, typedText } from '../consultations/styles';
import { questionsPath } from '../standalone/routes';
import { t } from '../standalone/texts';
import { listUnits, loadQuestion } from './question-api';
import { qt } from './question-texts';

type View =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'notFound' }
  | { kind: 'page'; question: PublicQuestion; unitName: string };

export default function QuestionPage({ id }: { id: string }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    // The unit's name if the list answers; its code otherwise.
    Promise.all([loadQuestion(id), listUnits().catch(() => [])])
      .then(([question, units]) => {
        if (cancelled) return;
        if (!question) return setView({ kind: 'notFound' });
        const unitName = units.find((u) => u.code === question.unitCode)?.name ?? question.unitCode;
        setView({ kind: 'page', question, unitName });
      })
      .catch(() => !cancelled && setView({ kind: 'failed' }));
    return () => {
      cancelled = true;
    };
  }, [id, attempt]);

  const back = (
    <p className="hint">
      <a href={questionsPath()}>{qt('back')}</a>
    </p>
  );
  switch (view.kind) {
    case 'loading':
      return (
        <main>
          <p role="status">{qt('loading')}</p>
        </main>
      );
    case 'failed':
      return (
        <main>
          <div className="banner bad" role="alert">
            <p>{qt('loadFailed')}</p>
          </div>
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('retry')}
          </button>
        </main>
      );
    case 'notFound':
      return (
        <main>
          {back}
          <div className="banner bad" role="alert">
            <p>{qt('notFound')}</p>
          </div>
        </main>
      );
    case 'page': {
      const q = view.question;
      return (
        <main>
          {back}
          <h1>{q.title}</h1>
          <p className="hint">
            {qt('askedOn', { unit: view.unitName, askedAt: formatVietnamDate(q.askedAt) })}
          </p>
          <section style={card} aria-labelledby="question-heading">
            <h2 id="question-heading">{qt('question')}</h2>
            <p className="hint">
              <strong>{q.authorName ?? qt('anonymous')}</strong>
            </p>
            <div style={typedText} data-testid="question-text">
              {q.text}
            </div>
          </section>
          <section style={card} aria-labelledby="answer-heading">
            <h2 id="answer-heading">{qt('answer')}</h2>
            {q.publishedAt && (
              <p className="hint">
                {qt('answeredOn', { publishedAt: formatVietnamDate(q.publishedAt) })}
              </p>
            )}
            <div style={typedText} data-testid="question-answer">
              {q.answer}
            </div>
          </section>
        </main>
      );
    }
  }
}
