/**
 * The surveyors' outbox: each direct-survey form is kept on the device under its own key (the
 * paper form's id, or a key generated when the form was started) until the survey service has
 * acknowledged it. The key travels with the answer as its idempotency key, so a form sent twice
 * — the connection dropped after the server wrote it, two tabs syncing at once — is written once.
 */

export interface PendingForm<Submission = unknown> {
  /** The idempotency key: the paper form's id, or a generated one. */
  key: string;
  submission: Submission;
  /** When the surveyor saved it, ISO 8601 UTC. */
  savedAt: string;
  /** Set when the service refused the form itself (not the network): the surveyor must fix it. */
  rejection?: string;
}

/** Where pending forms live (IndexedDB in the browser, a Map in tests). */
export interface OutboxStore<Submission = unknown> {
  put(form: PendingForm<Submission>): Promise<void>;
  delete(key: string): Promise<void>;
  all(): Promise<PendingForm<Submission>[]>;
}

/**
 * What sending one form came to: `accepted` (written now, or already written earlier under the
 * same key — either way it is on the server), `rejected` (the form itself is refused: keep it and
 * show why), `unreachable` (no connection or a server error: keep it and try again later).
 */
export type SendOutcome =
  { kind: 'accepted' } | { kind: 'rejected'; message: string } | { kind: 'unreachable' };

export interface FlushResult {
  sent: string[];
  rejected: string[];
  /** Forms still waiting for a connection. */
  waiting: number;
}

/**
 * Sends every pending form not already refused, oldest first, and forgets each one the service
 * acknowledged. Stops at the first `unreachable`: the connection is gone, the rest waits too.
 */
export async function flushOutbox<S>(
  store: OutboxStore<S>,
  send: (form: PendingForm<S>) => Promise<SendOutcome>,
): Promise<FlushResult> {
  const pending = (await store.all())
    .filter((form) => form.rejection === undefined)
    .sort((a, b) => a.savedAt.localeCompare(b.savedAt) || a.key.localeCompare(b.key));
  const result: FlushResult = { sent: [], rejected: [], waiting: 0 };
  for (const [index, form] of pending.entries()) {
    const outcome = await send(form);
    if (outcome.kind === 'unreachable') {
      result.waiting = pending.length - index;
      break;
    }
    if (outcome.kind === 'accepted') {
      await store.delete(form.key);
      result.sent.push(form.key);
    } else {
      await store.put({ ...form, rejection: outcome.message });
      result.rejected.push(form.key);
    }
  }
  return result;
}

/**
 * Runs `flush` alone: a second call while one runs waits for it and returns its result instead
 * of sending the same forms in parallel (the `online` event and a button press can coincide).
 */
export function singleFlight<T>(flush: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () => {
    running ??= flush().finally(() => {
      running = undefined;
    });
    return running;
  };
}

/** A new form's key when it has no paper id: random, so two devices never share one. */
export function newFormKey(newId: () => string = () => crypto.randomUUID()): string {
  return `may-${newId()}`;
}

/** A paper form's id as typed by staff: trimmed, upper-case, inner spaces removed ("tp 001" → "TP001"). */
export function paperFormKey(typed: string): string {
  return `giay-${typed.trim().replace(/\s+/g, '').toUpperCase()}`;
}
