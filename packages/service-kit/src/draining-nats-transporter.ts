/**
 * Moleculer's NATS transporter, except that a node leaving NATS's balancer (`MOL-par.REQB.*`
 * queue groups) drains its subscriptions instead of dropping them: a call NATS had already
 * routed to the node before it unsubscribed is still handled, not left to time out.
 *
 * With `disableBalancer`, Moleculer resubscribes every balanced subject whenever the node
 * announces itself: at start, after a NATS reconnect, and with an empty list when it stops.
 * The stock transporter unsubscribes first (nats.js then silently drops calls already on their
 * way to this node) and subscribes afterwards (a gap in which a lone node receives nothing).
 * Here the new subscriptions are made first and the old ones drained after (UNSUB, then the
 * messages that arrive until NATS confirms it are still handled).
 *
 * It also announces nats.js's reconnections, which the stock transporter only logs: the node
 * sends its INFO again, and `$transporter.connected` with `wasReconnect: true` tells services
 * that events sent while it was cut off are lost (the gateway reads the revocations again). A
 * NATS restart shorter than the heartbeat timeout is otherwise noticed by no one.
 */
import { Transporters } from 'moleculer';

interface Subscription {
  drain(): Promise<void>;
}

export class DrainingNatsTransporter extends Transporters.NATS {
  /** Subscriptions replaced by the announcement in progress, drained once it is done. */
  private retiring: Subscription[] = [];

  // Called by the base class's makeBalancedSubscriptions before it subscribes again.
  override unsubscribeFromBalancedCommands(): Promise<void> {
    this.retiring.push(...(this.subscriptions as unknown as Subscription[]));
    this.subscriptions = [];
    return Promise.resolve();
  }

  override makeBalancedSubscriptions(): Promise<void> {
    return super.makeBalancedSubscriptions().then(() => this.drainRetiring());
  }

  override onConnected(wasReconnect?: boolean): Promise<unknown> {
    if (!wasReconnect) void this.announceReconnects(this.client);
    return super.onConnected(wasReconnect);
  }

  private async announceReconnects(client: {
    status(): AsyncIterable<{ type: string }>;
  }): Promise<void> {
    try {
      for await (const status of client.status()) {
        if (status.type !== 'reconnect') continue;
        this.onConnected(true).catch((err: unknown) =>
          this.logger.warn('Announcing the NATS reconnection failed', err),
        );
      }
    } catch (err) {
      this.logger.debug('NATS status stream ended', err);
    }
  }

  private async drainRetiring(): Promise<void> {
    const retiring = this.retiring;
    this.retiring = [];
    // A subscription of a connection closed meanwhile has nothing left to drain.
    await Promise.all(retiring.map((sub) => sub.drain().catch(() => undefined)));
  }
}
