/** One published question and its answer, as the public sees it (rendered as text). */
import { formatVietnamDate, type PublicQuestion } from '@par/contracts';
import { card, typedText } from '../consultations/styles';
import { Load, useLoad } from '../standalone/Load';
import { questionsPath } from '../standalone/routes';
import { listUnits, loadQuestion } from './question-api';
import { qt } from './question-texts';

export default function QuestionPage({ id }: { id: string }) {
  const [loaded, retry] = useLoad(
    () =>
      // The unit's name if the list answers; its code otherwise.
      Promise.all([loadQuestion(id), listUnits().catch(() => [])]).then(([question, units]) =>
        question
          ? {
              question,
              unitName: units.find((u) => u.code === question.unitCode)?.name ?? question.unitCode,
            }
          : undefined,
      ),
    [id],
  );

  return (
    <Load
      state={loaded}
      retry={retry}
      texts={{ loading: qt('loading'), failed: qt('loadFailed'), notFound: qt('notFound') }}
      before={<Back />}
    >
      {({ question, unitName }) => <Question question={question} unitName={unitName} />}
    </Load>
  );
}

const Back = () => (
  <p className="hint">
    <a href={questionsPath()}>{qt('back')}</a>
  </p>
);

function Question({ question: q, unitName }: { question: PublicQuestion; unitName: string }) {
  return (
    <main>
      <Back />
      <h1>{q.title}</h1>
      <p className="hint">
        {qt('askedOn', { unit: unitName, askedAt: formatVietnamDate(q.askedAt) })}
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
