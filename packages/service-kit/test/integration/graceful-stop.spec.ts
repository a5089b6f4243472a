/**
 * A node leaving the bus while it is being called, on the real NATS with the broker options
 * every service runs with: the calls it had begun finish and are answered, the calls on their
 * way go to it or to the other node, and none fails or times out (a rolling restart's promise;
 * `services/assessment/test/integration/saves-under-faults.spec.ts` runs one end to end).
 */
import { randomUUID } from 'node:crypto';
import { ServiceBroker } from 'moleculer';
import { natsCredentials } from '../../../../deploy/local/apps/apps.ts';
import { eventually } from '../../../../test/support/eventually';
import { DrainingNatsTransporter } from '../../src/draining-nats-transporter';
import { brokerOptions } from '../../src/moleculer-config';

/** A namespace of its own: these nodes never meet the stack's services. */
const namespace = `stop-${randomUUID().slice(0, 8)}`;

const node = (nodeID: string) =>
  new ServiceBroker(
    brokerOptions('slow', {
      namespace,
      nodeID,
      logger: false,
      requestTimeout: 5_000,
      transporter: new DrainingNatsTransporter(natsCredentials('tests')),
    }),
  );

/** The `slow` service: each call works `workMs` (a save against a busy database, stood in for by time). */
const slowService = (name: string, workMs: number, running = { count: 0 }) => ({
  name: 'slow',
  actions: {
    async work() {
      running.count += 1;
      await new Promise((resolve) => setTimeout(resolve, workMs));
      running.count -= 1;
      return name;
    },
  },
});

describe('a node that stops while it is called', () => {
  const staying = node('slow.staying');
  const caller = node('caller.test');

  /**
   * Callers keep calling `slow.work` while a second node serves it; once `runningAtStop` calls
   * run on that node, it stops. Returns the failures, how many calls it had begun then, and how
   * many it answered during its stop.
   */
  async function leaveUnderCalls(options: {
    workMs: number;
    callers: number;
    runningAtStop: number;
  }) {
    const running = { count: 0 };
    const leaving = node(`slow.leaving-${randomUUID().slice(0, 8)}`);
    leaving.createService(slowService('leaving', options.workMs, running));
    await leaving.start();
    let stopped = false;
    const answers: string[] = [];
    const failures: string[] = [];
    const client = async () => {
      while (!stopped) {
        await caller.call<string>('slow.work').then(
          (by) => answers.push(by),
          // A call refused at once must not keep the loop from I/O.
          (err: Error) =>
            new Promise((resolve) =>
              setImmediate(resolve, failures.push(`${err.name}: ${err.message}`)),
            ),
        );
      }
    };
    const clients = Array.from({ length: options.callers }, client);

    await eventually(
      async () => running.count >= options.runningAtStop,
      20_000,
      'calls running on the leaving node',
    );
    const begun = running.count;
    const answeredBefore = answers.filter((by) => by === 'leaving').length;
    await leaving.stop();
    const answeredDuringStop = answers.filter((by) => by === 'leaving').length - answeredBefore;
    // The partner goes on answering after the leaving node is gone.
    const afterStop = answers.length;
    await eventually(
      async () => answers.length >= afterStop + options.callers,
      20_000,
      'calls after the stop',
    );
    stopped = true;
    await Promise.all(clients);
    return { failures, begun, answeredDuringStop, runningAfter: running.count };
  }

  beforeAll(async () => {
    staying.createService(slowService('staying', 5));
    await Promise.all([staying.start(), caller.start()]);
    await caller.waitForServices(['slow'], 20_000);
  });

  afterAll(async () => {
    await Promise.all([staying.stop(), caller.stop()]);
  });

  it('finishes and answers the calls it had begun before it disconnects', async () => {
    // Each call outlasts Moleculer's pause between announcing the stop and disconnecting.
    const result = await leaveUnderCalls({ workMs: 400, callers: 8, runningAtStop: 3 });
    expect(result.failures).toEqual([]);
    expect(result.answeredDuringStop).toBeGreaterThanOrEqual(result.begun);
    expect(result.runningAfter).toBe(0);
  });

  it('handles the calls NATS routed to it before it left the queue group', async () => {
    // Many quick calls: some are always on their way to the node when it unsubscribes.
    const result = await leaveUnderCalls({ workMs: 5, callers: 48, runningAtStop: 20 });
    expect(result.failures).toEqual([]);
    expect(result.runningAfter).toBe(0);
  });
});
