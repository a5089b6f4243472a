/**
 * The accounts service seals account jobs' temporary passwords with PAR_ACCOUNTS_JOB_SECRET_KEY:
 * started in production mode, it refuses the key missing or a placeholder, naming it.
 */
import path from 'node:path';
import { runUntilExit } from '../../../../test/support/run-until-exit';
import { appDefinition } from '../../../../deploy/local/apps/apps.ts';

const main = path.join(process.env.PAR_REPO_DIR!, 'services/accounts/dist/main.js');
const good = `p${'3f1c9a0b7e2d4c6a'.repeat(3)}`; // 49 characters

const run = (env: Record<string, string>) => runUntilExit(main, env);

describe('the accounts service started with NODE_ENV=production', () => {
  it('refuses a placeholder job secret key, naming the variable', async () => {
    const { code, out } = await run({
      ...appDefinition('accounts').env,
      NODE_ENV: 'production',
      PAR_MONGO_PASSWORD: good,
      PAR_ACCOUNTS_JOB_SECRET_KEY: 'change-me',
    });
    expect(code).toBe(1);
    expect(out).toMatch(/PAR_ACCOUNTS_JOB_SECRET_KEY is still a placeholder/);
  });

  it('refuses a missing job secret key', async () => {
    const env: Record<string, string> = {
      ...appDefinition('accounts').env,
      NODE_ENV: 'production',
      PAR_MONGO_PASSWORD: good,
    };
    delete env.PAR_ACCOUNTS_JOB_SECRET_KEY;
    const { code, out } = await run(env);
    expect(code).toBe(1);
    expect(out).toMatch(/PAR_ACCOUNTS_JOB_SECRET_KEY is not set/);
  });
});
