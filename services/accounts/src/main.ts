import './instrument';
import { runService } from '@par/service-kit';
import { accountsService } from './accounts.service';

void runService({
  name: 'accounts',
  database: true,
  schema: ({ db }) => accountsService(db!),
  // Units and account requests carry an outbox of events and audit entries.
  outbox: { collections: ['units', 'accountRequests'] },
});
