/**
 * The gateway's protection settings, each from the environment.
 *
 * | variable                   | default                   | meaning                                        |
 * | -------------------------- | ------------------------- | ---------------------------------------------- |
 * | PAR_RATE_LIMIT_WINDOW_S    | 60                        | the window the two limits below are counted in |
 * | PAR_RATE_LIMIT_PER_USER    | 300                       | requests per window of one signed-in user      |
 * | PAR_RATE_LIMIT_PER_ADDRESS | 3000                      | requests per window from one address without a token (an office behind one NAT counts once) |
 * | PAR_RATE_LIMIT_PER_ADDRESS_WITH_TOKEN | 60000          | requests per window from one address that carry a token, before it is checked |
 * | PAR_RATE_LIMIT_PUBLIC_WRITES_PER_ADDRESS | 20             | answers sent without login (public routes that write, e.g. a survey answer) per window from one address |
 * | PAR_TRUSTED_PROXIES        | 0                         | reverse proxies in front (1 behind the ingress) whose X-Forwarded-For is believed |
 * | PAR_HSTS                   | on when NODE_ENV=production | send Strict-Transport-Security (`true`/`false`) |
 *
 * A limit of 0 turns that limit off.
 */
import type { RateLimit } from './rate-limiter';

export interface ProtectionConfig {
  perUser: RateLimit;
  perAddress: RateLimit;
  /**
   * Requests carrying a token, per address: a province's whole afternoon may come from behind one
   * NAT (500 officers saving and polling: ~10,000 a minute), so they get far more than anonymous
   * ones; each is then limited per user once its token is verified. This still bounds a flood of
   * forged tokens from one address.
   */
  perAddressWithToken: RateLimit;
  /**
   * Writes without login (a citizen's survey answer), per address, on top of `perAddress`: a
   * commune office's Wi-Fi may carry a queue of citizens answering on their phones, but a
   * script sending thousands of forms from one address is held to this.
   */
  publicWritesPerAddress: RateLimit;
  trustedProxies: number;
  hsts: boolean;
}

export function protectionConfig(env: NodeJS.ProcessEnv = process.env): ProtectionConfig {
  const windowMs = count(env, 'PAR_RATE_LIMIT_WINDOW_S', 60) * 1000;
  if (windowMs === 0) throw new Error('PAR_RATE_LIMIT_WINDOW_S must be at least 1');
  return {
    perUser: { limit: count(env, 'PAR_RATE_LIMIT_PER_USER', 300), windowMs },
    perAddress: { limit: count(env, 'PAR_RATE_LIMIT_PER_ADDRESS', 3000), windowMs },
    perAddressWithToken: {
      limit: count(env, 'PAR_RATE_LIMIT_PER_ADDRESS_WITH_TOKEN', 60_000),
      windowMs,
    },
    publicWritesPerAddress: {
      limit: count(env, 'PAR_RATE_LIMIT_PUBLIC_WRITES_PER_ADDRESS', 20),
      windowMs,
    },
    trustedProxies: count(env, 'PAR_TRUSTED_PROXIES', 0),
    hsts: env.PAR_HSTS ? env.PAR_HSTS === 'true' : env.NODE_ENV === 'production',
  };
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0`);
  return value;
}
