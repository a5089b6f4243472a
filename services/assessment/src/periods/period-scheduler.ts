/**
 * The clock of periods, inside the assessment service. Its state is the periods themselves, so
 * it survives restarts: on start and every `PAR_PERIOD_SCHEDULER_INTERVAL_MS` (default 5000) it
 * calls `assessment.movePeriodsDue` as the service principal `assessment`, which moves every
 * period whose next phase has started. Several nodes may run it at once; the conditional update
 * on `version` lets only one of them make each move.
 */
import type { ServiceBroker } from 'moleculer';
import { periodActions, type SchedulerPass } from '@par/contracts';
import type { ServicePrincipal } from '@par/service-kit';

export interface PeriodScheduler {
  stop(): Promise<void>;
}

export function schedulerIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.PAR_PERIOD_SCHEDULER_INTERVAL_MS ?? 5000);
  return Number.isFinite(value) && value >= 100 ? value : 5000;
}

export function startPeriodScheduler(
  broker: ServiceBroker,
  principal: ServicePrincipal,
  logger: { warn(...args: unknown[]): void; info(...args: unknown[]): void },
  intervalMs = schedulerIntervalMs(),
): PeriodScheduler {
  const action = periodActions.movePeriodsDue.name;
  let running: Promise<void> | null = null;
  const pass = async () => {
    // Until the action is on the bus (this node still starting) there is nothing to call.
    if (!broker.registry.getActionEndpoints(action)?.hasAvailable()) return;
    const meta = await principal.meta();
    const { moves } = await broker.call<SchedulerPass, object>(action, {}, { meta });
    if (moves > 0) logger.info(`period scheduler moved ${moves} phase(s)`);
  };
  const tick = () => {
    // A slow pass (a database hiccup) must not overlap the next one.
    if (running) return;
    running = pass()
      .catch((err: unknown) => {
        // Left for the next pass: every step is retried from what the database says.
        logger.warn(`period scheduler pass failed: ${(err as Error).message}`);
      })
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
