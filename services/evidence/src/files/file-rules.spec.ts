import { storageKey } from './file-rules';

describe('storageKey: made by the service, never from the user’s file name', () => {
  it('is period/unit/random id', () => {
    expect(
      storageKey('65f1c2a4b7e8d90012345678', 'STP', '1b4e28ba-2fa1-11d2-883f-0016d3cca427'),
    ).toBe('65f1c2a4b7e8d90012345678/STP/1b4e28ba-2fa1-11d2-883f-0016d3cca427');
  });
});
