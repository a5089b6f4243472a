/**
 * A service image started in production mode with a placeholder secret refuses to start and
 * says which variable to fix; with real secrets the same service starts. The ranking service
 * stands for all of them: the check is in the runner every service uses.
 */
import path from 'node:path';
import { runUntilExit } from '../../../../test/support/run-until-exit';
import { appDefinition, startApp, stopApps } from '../../../../deploy/local/apps/apps.ts';

const main = path.join(process.env.PAR_REPO_DIR!, 'services/ranking/dist/main.js');
const good = `p${'3f1c9a0b7e2d4c6a'.repeat(3)}`; // 49 characters

const run = (env: Record<string, string>) => runUntilExit(main, env);

describe('a service started with NODE_ENV=production', () => {
  it('refuses a placeholder NATS password, naming the variable', async () => {
    const { code, out } = await run({
      ...appDefinition('ranking').env,
      NODE_ENV: 'production',
      PAR_NATS_PASSWORD: 'change-me',
      PAR_MONGO_PASSWORD: good,
    });
    expect(code).toBe(1);
    expect(out).toMatch(/PAR_NATS_PASSWORD is still a placeholder/);
    expect(out).not.toMatch(/PAR_MONGO_PASSWORD/);
  });

  it('refuses a missing database password and a short one, naming each', async () => {
    const missing = await run({ ...appDefinition('ranking').env, NODE_ENV: 'production' });
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/PAR_MONGO_PASSWORD is not set/);

    const short = await run({
      ...appDefinition('ranking').env,
      NODE_ENV: 'production',
      PAR_MONGO_PASSWORD: 'x'.repeat(31),
    });
    expect(short.code).toBe(1);
    expect(short.out).toMatch(/PAR_MONGO_PASSWORD is shorter than 32 characters/);
  });

  it('starts with real secrets', async () => {
    // The local stack's NATS password for ranking (49 characters); FerretDB needs no user.
    const ranking = await startApp(appDefinition('ranking'), {
      extraEnv: { NODE_ENV: 'production', PAR_MONGO_PASSWORD: good },
    });
    await stopApps([ranking]);
  });
});
