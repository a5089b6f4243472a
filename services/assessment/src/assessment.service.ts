/** The assessment service: indices, criteria sets, periods and phases (issue 5), later self-assessments and integrations. */
import type { ServiceSchema } from 'moleculer';
import type { Connection } from 'mongoose';
import { criteriaSetActionHandlers } from './criteria-sets/criteria-set-actions';
import { periodActionHandlers } from './periods/period-actions';

export function assessmentService(db: Connection): ServiceSchema {
  return {
    name: 'assessment',

    actions: {
      ...criteriaSetActionHandlers(db),
      ...periodActionHandlers(db),
    },
  };
}
