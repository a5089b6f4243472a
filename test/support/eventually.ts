/**
 * Waiting for the distributed system to settle, with a bound, instead of fixed sleeps: every
 * test waits through these, for a condition it names (a state reached, a value found, the clock
 * passing an instant it computed), never for a number of milliseconds picked by hand.
 */

/** How often a condition is asked again. */
const pollMs = 250;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks `find` until it gives a value (anything but undefined, null or false) and returns it;
 * a throw counts as "not yet". Fails after `timeoutMs` naming `what`, with the last error seen.
 */
export async function eventuallyValue<T>(
  find: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs: number,
  what = 'condition',
): Promise<T> {
  const started = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const found = await find();
      if (found !== undefined && found !== null && found !== false) return found;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() - started >= timeoutMs) break;
    await pause(pollMs);
  }
  const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
  throw new Error(`${what} not reached within ${timeoutMs} ms${why}`);
}

/** Waits until `check` answers true; returns how long that took. */
export async function eventually(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what = 'condition',
): Promise<number> {
  const started = Date.now();
  await eventuallyValue(check, timeoutMs, what);
  return Date.now() - started;
}

/**
 * Waits until the wall clock has passed `instant` (epoch ms), e.g. a token's expiry plus the
 * allowed skew, or a phase's start: time itself is then the condition.
 */
export async function clockPasses(instant: number, what = 'the instant'): Promise<void> {
  await eventually(
    async () => Date.now() > instant,
    Math.max(0, instant - Date.now()) + 5_000,
    `${what} (${new Date(instant).toISOString()}) passing`,
  );
}

/**
 * A node is ready once it is on the bus; the gateway learns of it from its INFO packet a moment
 * later. Waits until the gateway routes an admin's call to the accounts service.
 */
export async function gatewayRoutesToAccounts(
  adminToken: string,
  timeoutMs = 20_000,
): Promise<number> {
  return eventually(
    async () =>
      (
        await fetch(`${process.env.PAR_GATEWAY_URL}/api/units?limit=1`, {
          headers: { Authorization: `Bearer ${adminToken}` },
        })
      ).status === 200,
    timeoutMs,
    'the gateway routing to the accounts service',
  );
}
