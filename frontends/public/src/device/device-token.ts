/**
 * The device token a citizen's answers carry: one random id per browser, kept in localStorage,
 * with which the survey service refuses a second answer from the same device to the same
 * campaign and unit. It identifies a device, never a person.
 */

/** The part of `Storage` the token needs (localStorage in the browser). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const deviceTokenKey = 'par.survey.deviceToken';
const answeredKeyPrefix = 'par.survey.answered.';

/** The device's token, created on the first call; `newId` defaults to a random UUID. */
export function deviceToken(
  storage: KeyValueStorage,
  newId: () => string = () => crypto.randomUUID(),
): string {
  const existing = storage.getItem(deviceTokenKey);
  if (existing && /^[0-9a-f-]{36}$/.test(existing)) return existing;
  const token = newId();
  try {
    storage.setItem(deviceTokenKey, token);
  } catch {
    // Private browsing with storage full or refused: the token lives for this page only, and
    // the service's rate limits still apply.
  }
  return token;
}

/** Where this device keeps that it answered a campaign for a unit, to say so before any call. */
function answeredKey(campaignId: string, unitKey: string): string {
  return `${answeredKeyPrefix}${campaignId}.${unitKey}`;
}

export function markAnswered(storage: KeyValueStorage, campaignId: string, unitKey: string): void {
  try {
    storage.setItem(answeredKey(campaignId, unitKey), new Date().toISOString());
  } catch {
    // Nothing to keep: the service refuses the second answer anyway.
  }
}

export function hasAnswered(
  storage: KeyValueStorage,
  campaignId: string,
  unitKey: string,
): boolean {
  return storage.getItem(answeredKey(campaignId, unitKey)) !== null;
}
