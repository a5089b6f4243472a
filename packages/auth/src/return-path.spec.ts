import { isLoginCallback, rememberReturnPath, restoreReturnPath } from './return-path';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}
const place = (pathname: string, search = '', hash = '') => ({ pathname, search, hash });

describe('return path across the login round trip', () => {
  it('brings the user back to the deep link they opened', () => {
    const storage = memoryStorage();
    rememberReturnPath(place('/admin/units', '?q=so'), storage);
    // Keycloak answers on the root with its parameters in the fragment.
    rememberReturnPath(place('/', '', '#state=abc&session_state=x&code=123'), storage);
    const history = { replaceState: jest.fn() };
    restoreReturnPath(history, storage);
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/admin/units?q=so');
    expect(storage.getItem('par.returnPath')).toBeNull();
  });

  it('forgets an older wish when the root is opened, and never restores to another origin', () => {
    const storage = memoryStorage();
    rememberReturnPath(place('/appraisal'), storage);
    rememberReturnPath(place('/'), storage);
    const history = { replaceState: jest.fn() };
    restoreReturnPath(history, storage);
    expect(history.replaceState).not.toHaveBeenCalled();

    storage.setItem('par.returnPath', '//evil.example/x');
    restoreReturnPath(history, storage);
    expect(history.replaceState).not.toHaveBeenCalled();
  });

  it('recognises Keycloak answers, errors included', () => {
    expect(isLoginCallback(place('/', '', '#state=a&code=b'))).toBe(true);
    expect(isLoginCallback(place('/', '', '#error=login_required&state=a'))).toBe(true);
    expect(isLoginCallback(place('/admin', '', '#section'))).toBe(false);
  });
});
