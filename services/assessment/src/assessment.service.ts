/** The assessment service: indices, criteria sets, periods and phases (issue 5), later self-assessments and integrations. */
import type { ServiceSchema } from 'moleculer';
import type { Connection } from 'mongoose';
import { assessmentAuditActions } from '@par/contracts';
import { contractAction } from '@par/service-kit';
import { listAssessmentAudit } from './audit/audit-trail';
import { criteriaSetActionHandlers } from './criteria-sets/criteria-set-actions';
import { periodActionHandlers } from './periods/period-actions';
import { startPeriodScheduler, type PeriodScheduler } from './periods/period-scheduler';
import { entryModel } from './models/entry.model';
import { periodModel } from './models/period.model';
import { selfAssessmentModel } from './models/self-assessment.model';

export function assessmentService(db: Connection): ServiceSchema {
  let scheduler: PeriodScheduler | undefined;
  return {
    name: 'assessment',

    actions: {
      ...criteriaSetActionHandlers(db),
      ...periodActionHandlers(db),
      listAssessmentAudit: contractAction(assessmentAuditActions.listAssessmentAudit, (params) =>
        listAssessmentAudit(db, params),
      ),
    },

    async started() {
      // Unique indexes must exist before the first write, or duplicate entries slip through.
      await Promise.all([
        periodModel(db).init(),
        entryModel(db).init(),
        selfAssessmentModel(db).init(),
      ]);
      scheduler = startPeriodScheduler(db, this.logger);
    },

    async stopped() {
      await scheduler?.stop();
    },
  };
}
