/** The public list of draft policies put out for comment: those taking comments first. */
import { formatVietnamDateTime } from '@par/contracts';
import { LoadFailed, useLoad } from '../standalone/Load';
import { consultationPath } from '../standalone/routes';
import { t } from '../standalone/texts';
import { card, plainList } from './styles';
import { listConsultations } from './consultation-api';

export default function ConsultationListPage() {
  const [view, retry] = useLoad(listConsultations, []);

  return (
    <main>
      <h1>{t('consultations.title')}</h1>
      <p className="hint">{t('consultations.intro')}</p>
      {view.kind === 'loading' && <p role="status">{t('consultations.loading')}</p>}
      {view.kind === 'failed' && (
        <LoadFailed message={t('consultations.loadFailed')} onRetry={retry} />
      )}
      {view.kind === 'ready' && view.data.items.length === 0 && (
        <p className="banner">{t('consultations.empty')}</p>
      )}
      {view.kind === 'ready' && view.data.items.length > 0 && (
        <ul style={plainList} data-testid="consultation-list">
          {view.data.items.map((item) => (
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
