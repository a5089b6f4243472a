import './instrument';
import { runService } from '@par/service-kit';
import { assessmentService } from './assessment.service';

void runService({
  name: 'assessment',
  database: true,
  schema: ({ db }) => assessmentService(db!),
  // Periods, criteria sets and indices carry an outbox of events and audit entries.
  outbox: { collections: ['periods', 'criteriaSets', 'indices'] },
});
