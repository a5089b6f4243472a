import './instrument';
import { runService } from '@par/service-kit';
import { surveyService } from './survey.service';

void runService({
  name: 'survey',
  database: true,
  schema: ({ db }) => surveyService(db!),
  // Audit entries and the campaign-closed event travel in their documents' outboxes.
  outbox: { collections: ['questionnaires', 'campaigns', 'questions'] },
});
