/** The public list of draft policies put out for comment: those taking comments first. */
import { useEffect, useState } from 'react';
import { formatVietnamDateTime, type PublicConsultationList } from '@par/contracts';
import { consultationPath } from '../standalone/routes';
import { t } from '../standalone/texts';
import { card, plainList } from './styles';
import { listConsultations } from './consultation-api';

type View =
  { kind: 'loading' } | { kind: 'failed' } | { kind: 'list'; list: PublicConsultationList };

export default function ConsultationListPage() {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    listConsultations()
      .then((list) => !cancelled && setView({ kind: 'list', list }))
      .catch(() => !cancelled && setView({ kind: 'failed' }));
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  return (
    <main>
      <h1>{t('consultations.title')}</h1>
      <p className="hint">{t('consultations.intro')}</p>
      {view.kind === 'loading' && <p role="status">{t('consultations.loading')}</p>}
      {view.kind === 'failed' && (
        <>
          <div className="banner bad" role="alert">
            <p>{t('consultations.loadFailed')}</p>
          </div>
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('retry')}
          </button>
        </>
      )}
      {view.kind === 'list' && view.list.items.length === 0 && (
        <p className="banner">{t('consultations.empty')}</p>
      )}
      {view.kind === 'list' && view.list.items.length > 0 && (
        <ul style={plainList} data-testid="consultation-list">
          {view.list.items.map((item) => (
            <li key={item.id} style={card}>
              <a href={consultationPath(item.id)}>{item.title}</a>
              <p className="hint">
                {item.accepting
                  ? t('consultations.openUntil', {
                      unit: item.unitCode,
                      closesAt: formatVietnamDateTime(item.closesAt),
                    })
                  : t('consultations.ended', {
                      unit: item.unitCode,
                      closesAt: formatVietnamDateTime(item.closesAt),
                    })}
                {item.summaryPublishedAt ? ` · ${t('consultations.hasSummary')}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
