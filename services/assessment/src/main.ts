import './instrument';
import { runService } from '@par/service-kit';
import { assessmentService } from './assessment.service';

void runService({
  name: 'assessment',
  database: true,
  schema: ({ db }) => assessmentService(db!),
  // Periods, criteria sets, indices and self-assessments carry an outbox of events and audit
  // entries (entries do not: a save is one write and nothing else, see entry.model.ts).
  outbox: { collections: ['periods', 'criteriaSets', 'indices', 'selfAssessments'] },
});
