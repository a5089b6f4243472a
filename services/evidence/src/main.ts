import './instrument';
import { runService } from '@par/service-kit';
import { evidenceService } from './evidence.service';

void runService({ name: 'evidence', database: true, schema: ({ db }) => evidenceService(db!) });
