import './instrument';
import type { Server } from 'node:http';
import { runService } from '@par/service-kit';
import { TokenRevocations } from './auth/token-revocations';
import { gatewayConfig } from './config';
import { gatewayService } from './gateway.service';
import { stopAccepting } from './stop-accepting';

// Until the revocations are loaded no token can be trusted: the node is not ready before.
const revocations = new TokenRevocations();

void runService({
  name: 'gateway',
  database: false,
  schema: ({ verifyToken }) => gatewayService(gatewayConfig(), { verifyToken, revocations }),
  readiness: { revocations: () => revocations.loaded },
  // The requests it holds are answered before the node leaves the bus.
  stopAccepting: (broker) =>
    stopAccepting(
      (broker.getLocalService('gateway') as { server?: Server } | undefined)?.server,
      Number(process.env.PAR_SHUTDOWN_TIMEOUT ?? 10_000),
    ),
});
