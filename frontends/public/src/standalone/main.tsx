/**
 * The public page on its own (no login, no shell): which page a path opens. Plain React and the
 * page's own style, so that a citizen's phone downloads only the form.
 *
 *   /cong-khai/khao-sat/:campaignId/:unitCode   a unit's campaign link (QR code): the form
 *   /cong-khai/ket-qua                          the published results (?dot=<period>&nhom=<group>)
 *   /cong-khai/ket-qua/:periodId/:unitCode      a unit's published result and history
 *   /cong-khai/gop-y[/:id]                      draft policies put out for comment (one)
 *   /cong-khai/hoi-dap[/:id]                    published questions and answers (one), asking
 */
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import ResultsPage from '../results/ResultsPage';
import UnitResultPage from '../results/UnitResultPage';
import { rt } from '../results/results-texts';
import { qt } from '../questions/question-texts';
import { consultationsPath, pageFor, publicBase, questionsPath, resultsPath } from './routes';
import { t } from './texts';

// Lazy, each with the contracts' schemas (zod) that it checks with: the results pages, in the
// page's own script, need none, so a phone reading a ranking parses and compiles about 170 KB
// less script. The form's chunk is asked for as soon as the page knows its path.
const OnlineSurveyPage = lazy(() => import('../survey/OnlineSurveyPage'));
const ConsultationListPage = lazy(() => import('../consultations/ConsultationListPage'));
const ConsultationPage = lazy(() => import('../consultations/ConsultationPage'));
// Lazy too: the questions and answers pages.
const QuestionListPage = lazy(() => import('../questions/QuestionListPage'));
const QuestionPage = lazy(() => import('../questions/QuestionPage'));

function HomePage() {
  return (
    <main>
      <h1>{t('home.title')}</h1>
      <p>{t('home.body')}</p>
      <p>
        <a href={consultationsPath}>{t('consultations.homeLink')}</a>
      </p>
      <p>
        <a href={questionsPath()} data-testid="home-questions">
          {qt('homeLink')}
        </a>
      </p>
      <p>
        <a href={resultsPath()} data-testid="home-results">
          {rt('homeLink')}
        </a>
      </p>
    </main>
  );
}

function Page() {
  const route = pageFor(window.location.pathname);
  switch (route.page) {
    case 'survey':
      return (
        <Suspense
          fallback={
            <main>
              <p role="status">{t('loading')}</p>
            </main>
          }
        >
          <OnlineSurveyPage campaignId={route.campaignId} unitCode={route.unitCode} />
        </Suspense>
      );
    case 'results':
      return <ResultsPage />;
    case 'resultUnit':
      return <UnitResultPage periodId={route.periodId} unitCode={route.unitCode} />;
    case 'consultations':
    case 'consultation':
      return (
        <Suspense fallback={<p role="status">{t('consultations.loading')}</p>}>
          {route.page === 'consultation' ? (
            <ConsultationPage id={route.id} />
          ) : (
            <ConsultationListPage />
          )}
        </Suspense>
      );
    case 'questions':
    case 'question':
      return (
        <Suspense fallback={<p role="status">{t('consultations.loading')}</p>}>
          {route.page === 'question' ? <QuestionPage id={route.id} /> : <QuestionListPage />}
        </Suspense>
      );
    case 'home':
      return <HomePage />;
  }
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
