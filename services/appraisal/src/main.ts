import './instrument';
import { runService } from '@par/service-kit';
import { appraisalService } from './appraisal.service';

void runService({
  name: 'appraisal',
  database: true,
  schema: ({ db }) => appraisalService(db!),
  // Audit entries of assignments, late-unit decisions and appraisal entries, and the rounds'
  // events and audit entries, travel in their documents' outboxes.
  outbox: { collections: ['assignments', 'lateDecisions', 'appraisalEntries', 'rounds'] },
});
