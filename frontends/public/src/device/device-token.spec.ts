import { deviceToken, deviceTokenKey, hasAnswered, markAnswered } from './device-token';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

const uuid = '0b8f6c1e-3f8a-4d5e-9a41-2c7d8e9f0a1b';

describe('deviceToken', () => {
  it('creates one token and keeps it', () => {
    const storage = memoryStorage();
    expect(deviceToken(storage, () => uuid)).toBe(uuid);
    expect(storage.items.get(deviceTokenKey)).toBe(uuid);
    expect(deviceToken(storage, () => 'another')).toBe(uuid);
  });

  it('replaces a stored value that is not a token', () => {
    const storage = memoryStorage({ [deviceTokenKey]: '<script>' });
    expect(deviceToken(storage, () => uuid)).toBe(uuid);
  });

  it('still gives a token when the storage refuses writes', () => {
    const storage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(deviceToken(storage, () => uuid)).toBe(uuid);
  });
});

describe('answered marks', () => {
  it('are kept per campaign and unit', () => {
    const storage = memoryStorage();
    markAnswered(storage, 'c1', 'STP');
    expect(hasAnswered(storage, 'c1', 'STP')).toBe(true);
    expect(hasAnswered(storage, 'c1', 'SNV')).toBe(false);
    expect(hasAnswered(storage, 'c2', 'STP')).toBe(false);
  });
});
