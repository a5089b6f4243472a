import { accountJobSettingsFromEnv, progressOf, requestHash } from './account-job-rules';

describe('account job rules', () => {
  it('fingerprints a request regardless of its fields’ order, but not of its units’', () => {
    const a = requestHash({ unitCodes: ['A', 'B'], roles: ['data-entry'], unitGroup: null });
    expect(requestHash({ unitGroup: null, roles: ['data-entry'], unitCodes: ['A', 'B'] })).toBe(a);
    expect(requestHash({ unitCodes: ['B', 'A'], roles: ['data-entry'], unitGroup: null })).not.toBe(
      a,
    );
    expect(requestHash({ unitCodes: ['A', 'B'], roles: ['admin'], unitGroup: null })).not.toBe(a);
  });

  it('keeps passwords an hour by default and never longer', () => {
    expect(accountJobSettingsFromEnv({}).passwordTtlSeconds).toBe(3600);
    expect(
      accountJobSettingsFromEnv({ PAR_ACCOUNT_JOB_PASSWORD_TTL_SECONDS: '86400' })
        .passwordTtlSeconds,
    ).toBe(3600);
    const short = accountJobSettingsFromEnv({ PAR_ACCOUNT_JOB_PASSWORD_TTL_SECONDS: '4' });
    expect(short.passwordTtlSeconds).toBe(4);
    // Purged within a quarter of the TTL: 1 s.
    expect(short.sweepMs).toBe(1000);
    expect(accountJobSettingsFromEnv({ PAR_ACCOUNT_JOB_CONCURRENCY: 'x' }).concurrency).toBe(4);
  });

  it('counts what is done: created, existed and failed, not pending or creating', () => {
    expect(progressOf(['created', 'pending', 'exists', 'creating', 'failed', 'created'])).toEqual({
      done: 4,
      created: 2,
      existed: 1,
      failed: 1,
    });
  });
});
