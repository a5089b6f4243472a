/** The appraisal remote's routes, relative to where the shell mounts it (`basePath`). */
export const appraisalRoutes = {
  worklist: {
    path: '',
    to: (basePath: string, search = '') => `${basePath}${search ? `?${search}` : ''}`,
  },
  unit: {
    path: 'periods/:periodId/units/:unitCode',
    to: (basePath: string, periodId: string, unitCode: string) =>
      `${basePath}/periods/${periodId}/units/${encodeURIComponent(unitCode)}`,
  },
} as const;
