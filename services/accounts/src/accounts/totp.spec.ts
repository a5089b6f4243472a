import { totpState } from './totp';

describe('totpState', () => {
  it('is configured once an OTP credential exists, even if the action is still pending', () => {
    expect(totpState(['CONFIGURE_TOTP'], true)).toBe('configured');
  });

  it('is required while CONFIGURE_TOTP is pending without a credential', () => {
    expect(totpState(['UPDATE_PASSWORD', 'CONFIGURE_TOTP'], false)).toBe('required');
  });

  it('is not required otherwise', () => {
    expect(totpState(['UPDATE_PASSWORD'], false)).toBe('notRequired');
  });
});
