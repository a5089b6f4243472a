import './instrument';
import { channelsMiddleware, runService } from '@par/service-kit';
import { evidenceService } from './evidence.service';

void runService({
  name: 'evidence',
  database: true,
  schema: ({ db }) => evidenceService(db!),
  // It consumes the assessment service's durable events (submitted, withdrawn, phase changed).
  middlewares: [channelsMiddleware()],
});
