import './instrument';
import { runService } from '@par/service-kit';
import { gatewayConfig } from './config';
import { gatewayService } from './gateway.service';

void runService({
  name: 'gateway',
  database: false,
  schema: () => gatewayService(gatewayConfig()),
});
