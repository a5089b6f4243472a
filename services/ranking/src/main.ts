import './instrument';
import { runService } from '@par/service-kit';
import { rankingService } from './ranking.service';

void runService({ name: 'ranking', database: true, schema: ({ db }) => rankingService(db!) });
