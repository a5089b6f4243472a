/** The admin remote's routes, relative to where the shell mounts it (`basePath`). */
export const adminRoutes = {
  units: { path: 'units', to: (basePath: string) => `${basePath}/units` },
  accounts: { path: 'accounts', to: (basePath: string) => `${basePath}/accounts` },
  audit: { path: 'audit', to: (basePath: string) => `${basePath}/audit` },
  accountRequests: {
    path: 'account-requests',
    to: (basePath: string) => `${basePath}/account-requests`,
  },
  criteriaSets: {
    path: 'criteria-sets',
    to: (basePath: string) => `${basePath}/criteria-sets`,
  },
  periods: { path: 'periods', to: (basePath: string) => `${basePath}/periods` },
  assignments: { path: 'assignments', to: (basePath: string) => `${basePath}/assignments` },
  appraisalProgress: {
    path: 'appraisal-progress',
    /** One period's board when `periodId` is given; the period picker otherwise. */
    to: (basePath: string, periodId?: string) =>
      `${basePath}/appraisal-progress${periodId ? `/${encodeURIComponent(periodId)}` : ''}`,
  },
  results: { path: 'results', to: (basePath: string) => `${basePath}/results` },
  surveys: { path: 'surveys', to: (basePath: string) => `${basePath}/surveys` },
  consultations: {
    path: 'consultations',
    to: (basePath: string) => `${basePath}/consultations`,
  },
  questions: { path: 'questions', to: (basePath: string) => `${basePath}/questions` },
} as const;

export type AdminSection = keyof typeof adminRoutes;
