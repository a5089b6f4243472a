/** The self-assessment remote's routes, relative to where the shell mounts it (`basePath`). */
export const selfAssessmentRoutes = {
  periods: { path: '', to: (basePath: string) => basePath },
  period: {
    path: 'periods/:periodId',
    to: (basePath: string, periodId: string) => `${basePath}/periods/${periodId}`,
  },
  clarification: {
    path: 'periods/:periodId/clarification',
    to: (basePath: string, periodId: string) => `${basePath}/periods/${periodId}/clarification`,
  },
  accountRequests: {
    path: 'account-requests',
    to: (basePath: string) => `${basePath}/account-requests`,
  },
  /** The unit's draft policies put out for comment; each one's moderation below it. */
  consultations: {
    path: 'consultations',
    to: (basePath: string) => `${basePath}/consultations`,
  },
  /** Citizens' questions to the unit: answer, publish, reject. */
  questions: {
    path: 'questions',
    to: (basePath: string) => `${basePath}/questions`,
  },
} as const;
