/** Waiting for the distributed system to settle, with a bound, instead of fixed sleeps. */

export async function eventually(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what = 'condition',
): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} not reached within ${timeoutMs} ms`);
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
