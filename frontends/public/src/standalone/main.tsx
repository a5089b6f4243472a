/**
 * The public page on its own (no login, no shell): which page a path opens. Plain React and the
 * page's own style, so that a citizen's phone downloads only the form.
 *
 *   /cong-khai/khao-sat/:linkId   a unit's campaign link (QR code): the citizens' form
 *   /cong-khai/truc-tiep/:linkId  the surveyors' form, offline-capable
 */
import { StrictMode, lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { pageFor, publicBase } from './routes';
import { t } from './texts';

const OnlineSurveyPage = lazy(() => import('../survey/OnlineSurveyPage'));
const DirectSurveyPage = lazy(() => import('../direct/DirectSurveyPage'));

function HomePage() {
  return (
    <main>
      <h1>{t('home.title')}</h1>
      <p>{t('home.body')}</p>
    </main>
  );
}

function Page() {
  const route = pageFor(window.location.pathname);
  const loading = (
    <main>
      <p role="status">{t('loading')}</p>
    </main>
  );
  return (
    <Suspense fallback={loading}>
      {route.page === 'online' && <OnlineSurveyPage linkId={route.linkId!} />}
      {route.page === 'direct' && <DirectSurveyPage linkId={route.linkId!} />}
      {route.page === 'home' && <HomePage />}
    </Suspense>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);

// The surveyors' form must open without a connection: the service worker precaches the page.
if ('serviceWorker' in navigator && pageFor(window.location.pathname).page === 'direct') {
  void navigator.serviceWorker.register(`${publicBase}/sw.js`, { scope: `${publicBase}/` });
}
