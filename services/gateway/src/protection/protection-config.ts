/**
 * The gateway's protection settings, each from the environment.
 *
 * | variable                   | default                   | meaning                                        |
 * | -------------------------- | ------------------------- | ---------------------------------------------- |
 * | PAR_RATE_LIMIT_WINDOW_S    | 60                        | the window the two limits below are counted in |
 * | PAR_RATE_LIMIT_PER_USER    | 300                       | requests per window of one signed-in user      |
 * | PAR_RATE_LIMIT_PER_ADDRESS | 3000                      | requests per window from one address (an office behind one NAT counts once) |
 * | PAR_TRUSTED_PROXIES        | 0                         | reverse proxies in front (1 behind the ingress) whose X-Forwarded-For is believed |
 * | PAR_HSTS                   | on when NODE_ENV=production | send Strict-Transport-Security (`true`/`false`) |
 *
 * A limit of 0 turns that limit off.
 */
import type { RateLimit } from './rate-limiter';

export interface ProtectionConfig {
  perUser: RateLimit;
  perAddress: RateLimit;
  trustedProxies: number;
  hsts: boolean;
}

export function protectionConfig(env: NodeJS.ProcessEnv = process.env): ProtectionConfig {
  const windowMs = count(env, 'PAR_RATE_LIMIT_WINDOW_S', 60) * 1000;
  if (windowMs === 0) throw new Error('PAR_RATE_LIMIT_WINDOW_S must be at least 1');
  return {
    perUser: { limit: count(env, 'PAR_RATE_LIMIT_PER_USER', 300), windowMs },
    perAddress: { limit: count(env, 'PAR_RATE_LIMIT_PER_ADDRESS', 3000), windowMs },
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
