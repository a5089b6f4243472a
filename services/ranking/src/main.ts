import './instrument';
import { runService } from '@par/service-kit';
import { rankingService } from './ranking.service';

void runService({
  name: 'ranking',
  database: true,
  schema: ({ db }) => rankingService(db!),
  // Decisions and publications carry their audit entries and the durable `ranking.published`
  // in an outbox; the channels middleware that relays them also consumes `appraisal.round.sent`.
  outbox: { collections: ['blockerDecisions', 'publications'] },
});
