import './instrument';
import { runService } from '@par/service-kit';
import { accountsService } from './accounts.service';
import { jobSecretVariable } from './jobs/password-vault';

void runService({
  name: 'accounts',
  database: true,
  schema: ({ db }) => accountsService(db!),
  // Units and account requests carry an outbox of events and audit entries.
  outbox: { collections: ['units', 'accountRequests'] },
  // Seals the temporary passwords of account jobs: never a placeholder in production.
  secrets: [jobSecretVariable],
});
