import './instrument';
import { runService } from '@par/service-kit';
import { appraisalService } from './appraisal.service';

void runService({
  name: 'appraisal',
  database: true,
  schema: ({ db }) => appraisalService(db!),
  // Audit entries of assignments and late-unit decisions travel in their documents' outboxes.
  outbox: { collections: ['assignments', 'lateDecisions'] },
});
