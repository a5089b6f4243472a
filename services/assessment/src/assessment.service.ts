/** The assessment service: indices, criteria sets, periods and phases (issue 5), later self-assessments and integrations. */
import type { ServiceSchema } from 'moleculer';
import type { Connection } from 'mongoose';
import { assessmentAuditActions } from '@par/contracts';
import { contractAction, servicePrincipalFromEnv } from '@par/service-kit';
import { listAssessmentAudit } from './audit/audit-trail';
import { criteriaSetActionHandlers } from './criteria-sets/criteria-set-actions';
import { periodActionHandlers } from './periods/period-actions';
import { channelPublisher } from './periods/period-channels';
import { startPeriodScheduler, type PeriodScheduler } from './periods/period-scheduler';
import type { Publish } from './periods/periods';
import { entryModel } from './models/entry.model';
import { periodModel } from './models/period.model';
import { selfAssessmentModel } from './models/self-assessment.model';

export function assessmentService(db: Connection): ServiceSchema {
  let publisher: Publish | undefined;
  let scheduler: PeriodScheduler | undefined;
  // Actions are built before the broker exists; they reach the publisher made in `created`.
  const publish: Publish = (subject, payload, eventId) => {
    if (!publisher) return Promise.reject(new Error('the assessment service has not started'));
    return publisher(subject, payload, eventId);
  };
  return {
    name: 'assessment',

    actions: {
      ...criteriaSetActionHandlers(db),
      ...periodActionHandlers(db, publish),
      listAssessmentAudit: contractAction(assessmentAuditActions.listAssessmentAudit, (params) =>
        listAssessmentAudit(db, params),
      ),
    },

    created() {
      publisher = channelPublisher(this.broker);
    },

    async started() {
      // Unique indexes must exist before the first write, or duplicate entries slip through.
      await Promise.all([
        periodModel(db).init(),
        entryModel(db).init(),
        selfAssessmentModel(db).init(),
      ]);
      scheduler = startPeriodScheduler(
        this.broker,
        servicePrincipalFromEnv('assessment'),
        this.logger,
      );
    },

    async stopped() {
      await scheduler?.stop();
    },
  };
}
