import './instrument';
import { runService } from '@par/service-kit';
import { accountsService } from './accounts.service';

void runService({ name: 'accounts', database: true, schema: ({ db }) => accountsService(db!) });
