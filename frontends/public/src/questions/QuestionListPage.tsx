/**
 * The public questions and answers: the published ones, newest first, narrowed to a unit (kept
 * in the link), with each unit's answered count and median time to answer, and the form to ask
 * a question. Questions and answers are rendered as text, whatever was typed.
 */
import { useEffect, useState } from 'react';
import {
  formatHours,
  formatVietnamDate,
  type PublicQuestionList,
  type PublicUnit,
} from '@par/contracts';
import { card, plainList, typedText } from '../consultations/styles';
import { LoadFailed } from '../standalone/Load';
import { questionPath, questionsPath, questionsUnit } from '../standalone/routes';
import { AskQuestionForm } from './AskQuestionForm';
import { listQuestions, listUnits } from './question-api';
import { qt } from './question-texts';

type View = { kind: 'loading' } | { kind: 'failed' } | { kind: 'list'; list: PublicQuestionList };

export default function QuestionListPage() {
  const [unitCode, setUnitCode] = useState(() => questionsUnit(window.location.search));
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  // Undefined until the list arrives: the form is drawn only then, so nothing typed is lost.
  const [units, setUnits] = useState<PublicUnit[]>();
  const [unitsFailed, setUnitsFailed] = useState(false);

  useEffect(() => {
    // Without the units the form has nothing to offer: the page says so as for the list.
    setUnitsFailed(false);
    listUnits()
      .then(setUnits)
      .catch(() => setUnitsFailed(true));
  }, [attempt]);

  useEffect(() => {
    let cancelled = false;
    setView({ kind: 'loading' });
    listQuestions({ unitCode, offset: 0 })
      .then((list) => !cancelled && setView({ kind: 'list', list }))
      .catch(() => !cancelled && setView({ kind: 'failed' }));
    return () => {
      cancelled = true;
    };
  }, [unitCode, attempt]);

  const choose = (code: string) => {
    const next = code || undefined;
    window.history.replaceState(null, '', questionsPath(next));
    setUnitCode(next);
  };

  async function more(list: PublicQuestionList) {
    setLoadingMore(true);
    try {
      const next = await listQuestions({ unitCode, offset: list.items.length });
      setView({ kind: 'list', list: { ...next, items: [...list.items, ...next.items] } });
    } catch {
      setView({ kind: 'failed' });
    } finally {
      setLoadingMore(false);
    }
  }

  const figures = view.kind === 'list' ? view.list.units : [];
  const unitFigures = figures.find((u) => u.unitCode === unitCode);
  const nameOf = (code: string) => units?.find((u) => u.code === code)?.name ?? code;

  return (
    <main>
      <h1>{qt('title')}</h1>
      <p className="hint">{qt('intro')}</p>
      <div className="question">
        <label htmlFor="questions-unit">{qt('filter')}</label>
        <select
          id="questions-unit"
          data-testid="questions-unit"
          value={unitCode ?? ''}
          onChange={(event) => choose(event.target.value)}
        >
          <option value="">{qt('allUnits')}</option>
          {units?.map((unit) => (
            <option key={unit.code} value={unit.code}>
              {unit.name}
            </option>
          ))}
        </select>
        {unitFigures && unitFigures.medianHoursToAnswer !== null && (
          <p className="hint" data-testid="questions-unit-figures">
            {qt('unitFigures', {
              unit: nameOf(unitFigures.unitCode),
              answered: unitFigures.answered,
              hours: formatHours(unitFigures.medianHoursToAnswer),
            })}
          </p>
        )}
      </div>
      {view.kind === 'loading' && <p role="status">{qt('loading')}</p>}
      {(view.kind === 'failed' || unitsFailed) && (
        <LoadFailed message={qt('loadFailed')} onRetry={() => setAttempt((n) => n + 1)} />
      )}
      {view.kind === 'list' && view.list.items.length === 0 && (
        <p className="banner">{qt('empty')}</p>
      )}
      {view.kind === 'list' && view.list.items.length > 0 && (
        <>
          <ul style={plainList} data-testid="question-list">
            {view.list.items.map((item) => (
              <li key={item.id} style={card}>
                <a href={questionPath(item.id)}>{item.title}</a>
                <p className="hint">
                  {qt('askedOn', {
                    unit: nameOf(item.unitCode),
                    askedAt: formatVietnamDate(item.askedAt),
                  })}
                </p>
                <div style={{ ...typedText, maxHeight: '6em', overflow: 'hidden' }}>
                  <strong>{qt('answer')}: </strong>
                  {item.answer}
                </div>
              </li>
            ))}
          </ul>
          <p className="hint">
            {qt('shown', { shown: view.list.items.length, total: view.list.total })}
          </p>
          {view.list.items.length < view.list.total && (
            <button type="button" disabled={loadingMore} onClick={() => void more(view.list)}>
              {loadingMore ? qt('loading') : qt('more')}
            </button>
          )}
        </>
      )}
      {units && <AskQuestionForm unitCode={unitCode} units={units} key={unitCode ?? ''} />}
    </main>
  );
}
