import { assertProductionSecrets, findSecretProblems } from './production-secrets';

const good = 'p3f1c9a0b7e2d4c6a8b0e1f2a3b4c5d6e'; // 34 characters

describe('findSecretProblems', () => {
  it('names each bad secret with what is wrong, in name order', () => {
    expect(
      findSecretProblems(
        {
          PAR_NATS_PASSWORD: 'change-me',
          PAR_MONGO_PASSWORD: '',
          PAR_ACCOUNTS_CLIENT_SECRET: 'x'.repeat(31),
          PAR_MINIO_SECRET_KEY: good,
          PAR_LOG_LEVEL: 'info',
        },
        ['PAR_NATS_PASSWORD', 'PAR_SEED_CLIENT_SECRET'],
      ),
    ).toEqual([
      { variable: 'PAR_ACCOUNTS_CLIENT_SECRET', problem: 'short' },
      { variable: 'PAR_MONGO_PASSWORD', problem: 'empty' },
      { variable: 'PAR_NATS_PASSWORD', problem: 'placeholder' },
      { variable: 'PAR_SEED_CLIENT_SECRET', problem: 'missing' },
    ]);
  });

  it('accepts 32 characters and refuses 31', () => {
    expect(findSecretProblems({ PAR_X_PASSWORD: 'a'.repeat(32) })).toEqual([]);
    expect(findSecretProblems({ PAR_X_PASSWORD: 'a'.repeat(31) })).toEqual([
      { variable: 'PAR_X_PASSWORD', problem: 'short' },
    ]);
  });

  it('finds a placeholder inside a long value, in any case', () => {
    expect(findSecretProblems({ PAR_X_SECRET: `CHANGE-ME-${good}` })).toEqual([
      { variable: 'PAR_X_SECRET', problem: 'placeholder' },
    ]);
    expect(findSecretProblems({ PAR_X_SECRET: `changeme${good}` })).toEqual([
      { variable: 'PAR_X_SECRET', problem: 'placeholder' },
    ]);
  });

  it('counts whitespace only as empty', () => {
    expect(findSecretProblems({ PAR_X_PASSWORD: '   ' })).toEqual([
      { variable: 'PAR_X_PASSWORD', problem: 'empty' },
    ]);
  });
});

describe('assertProductionSecrets', () => {
  it('refuses a production start naming the variable', () => {
    expect(() =>
      assertProductionSecrets({ NODE_ENV: 'production', PAR_NATS_PASSWORD: 'change-me' }),
    ).toThrow(/PAR_NATS_PASSWORD is still a placeholder/);
    expect(() =>
      assertProductionSecrets({ NODE_ENV: 'production' }, ['PAR_NATS_PASSWORD']),
    ).toThrow(/PAR_NATS_PASSWORD is not set/);
  });

  it('lets a production start with good secrets through', () => {
    expect(() =>
      assertProductionSecrets({ NODE_ENV: 'production', PAR_NATS_PASSWORD: good }, [
        'PAR_NATS_PASSWORD',
      ]),
    ).not.toThrow();
  });

  it('checks nothing outside production (the local stack makes its own secrets)', () => {
    expect(() => assertProductionSecrets({ PAR_NATS_PASSWORD: 'change-me' })).not.toThrow();
    expect(() =>
      assertProductionSecrets({ NODE_ENV: 'development', PAR_NATS_PASSWORD: '' }),
    ).not.toThrow();
  });
});
