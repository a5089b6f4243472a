/**
 * The public page on its own (no login, no shell): which page a path opens. Plain React and the
 * page's own style, so that a citizen's phone downloads only the form.
 *
 *   /cong-khai/khao-sat/:campaignId/:unitCode   a unit's campaign link (QR code): the form
 *   /cong-khai/gop-y[/:id]                        draft policies put out for comment (one)
 */
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
// In the page's own bundle, not lazy: a second round trip on a slow line would delay the form.
import OnlineSurveyPage from '../survey/OnlineSurveyPage';
import { consultationsPath, pageFor, publicBase } from './routes';
import { t } from './texts';

// Lazy: the survey form's citizens download none of the consultation pages.
const ConsultationListPage = lazy(() => import('../consultations/ConsultationListPage'));
const ConsultationPage = lazy(() => import('../consultations/ConsultationPage'));

function HomePage() {
  return (
    <main>
      <h1>{t('home.title')}</h1>
      <p>{t('home.body')}</p>
      <p>
        <a href={consultationsPath}>{t('consultations.homeLink')}</a>
      </p>
    </main>
  );
}

function Page() {
  const route = pageFor(window.location.pathname);
  if (route.page === 'consultations' || route.page === 'consultation')
    return (
      <Suspense fallback={<p role="status">{t('consultations.loading')}</p>}>
        {route.page === 'consultation' ? (
          <ConsultationPage id={route.id} />
        ) : (
          <ConsultationListPage />
        )}
      </Suspense>
    );
  return route.page === 'survey' ? (
    <OnlineSurveyPage campaignId={route.campaignId} unitCode={route.unitCode} />
  ) : (
    <HomePage />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);

// The page opens again without a connection (a citizen on a train, a surveyor in a commune):
// the service worker precaches it once the page has loaded.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    void navigator.serviceWorker.register(`${publicBase}/sw.js`, { scope: `${publicBase}/` });
  });
}
