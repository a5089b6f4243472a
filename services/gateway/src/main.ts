import './instrument';
import { runService } from '@par/service-kit';
import { TokenRevocations } from './auth/token-revocations';
import { gatewayConfig } from './config';
import { gatewayService } from './gateway.service';

// Until the revocations are loaded no token can be trusted: the node is not ready before.
const revocations = new TokenRevocations();

void runService({
  name: 'gateway',
  database: false,
  schema: ({ verifyToken }) => gatewayService(gatewayConfig(), { verifyToken, revocations }),
  readiness: { revocations: () => revocations.loaded },
});
