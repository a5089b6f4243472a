import './instrument';
import { runService } from '@par/service-kit';
import { appraisalService } from './appraisal.service';

void runService({ name: 'appraisal', database: true, schema: () => appraisalService() });
