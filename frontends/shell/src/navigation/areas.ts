/** The portal's work areas: which role sees which entry, and which remote serves it. */
import type { RealmRole } from '@par/contracts';

export interface Area {
  key: 'selfAssessment' | 'appraisal' | 'admin' | 'publicPages';
  /** Route prefix in the shell; the remote's own routes live below it. */
  path: `/${string}`;
  role: RealmRole;
  /** Module Federation name of the remote, as in config.json's `remotes`. */
  remote: string;
  testId: string;
}

/** In the order of the yearly cycle; `/` opens the first one the user may use. */
export const areas: readonly Area[] = [
  {
    key: 'selfAssessment',
    path: '/self-assessment',
    role: 'data-entry',
    remote: 'selfAssessment',
    testId: 'nav-self-assessment',
  },
  {
    key: 'appraisal',
    path: '/appraisal',
    role: 'appraisal',
    remote: 'appraisal',
    testId: 'nav-appraisal',
  },
  { key: 'admin', path: '/admin', role: 'admin', remote: 'admin', testId: 'nav-admin' },
  // The survey links and QR codes citizens are given; the pages themselves need no login.
  {
    key: 'publicPages',
    path: '/public',
    role: 'admin',
    remote: 'publicPages',
    testId: 'nav-public',
  },
];

export function areasFor(hasRole: (role: string) => boolean): Area[] {
  return areas.filter((area) => hasRole(area.role));
}
