import './instrument';
import { runService } from '@par/service-kit';
import { assessmentService } from './assessment.service';
import { channelsMiddleware } from './periods/period-channels';

void runService({
  name: 'assessment',
  database: true,
  schema: ({ db }) => assessmentService(db!),
  middlewares: [channelsMiddleware()],
});
