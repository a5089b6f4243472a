/**
 * When each entry is saved: a moment after typing stops, one save per entry at a time, a failed
 * save retried with a growing delay, and the state of every entry for the page to show. It knows
 * nothing of the API: `run` saves one key and says how it went.
 */

/** How one save went, as the caller judges the response. */
export type RunOutcome =
  /** Saved; the entry is clean unless it changed while the save was on its way. */
  | 'saved'
  /** Failed for a reason that may pass (network, server busy): tried again later. */
  | 'retry'
  /** Failed for a reason a retry cannot fix (a conflict, a refused value): waits for the user. */
  | 'stop';

export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'retrying' | 'stopped';

export interface AutosaveTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaveOptions<K> {
  run(key: K): Promise<RunOutcome>;
  onStatus(key: K, status: AutosaveStatus): void;
  /** Quiet time after the last edit before a save starts. */
  delayMs?: number;
  /** Delay before the nth retry (n ≥ 1). */
  backoffMs?: (attempt: number) => number;
  timers?: AutosaveTimers;
}

/** 1 s, 2 s, 4 s, … up to 30 s. */
export const defaultBackoff = (attempt: number) => Math.min(30_000, 1000 * 2 ** (attempt - 1));

interface Slot {
  status: AutosaveStatus;
  timer: unknown;
  inFlight: Promise<void> | null;
  /** Edited while a save was on its way: save again once it lands. */
  editedInFlight: boolean;
  attempt: number;
}

/** Statuses whose entry holds something the server does not have yet. */
const unsavedStatuses: ReadonlySet<AutosaveStatus> = new Set([
  'pending',
  'saving',
  'retrying',
  'stopped',
]);

export class AutosaveQueue<K> {
  private readonly slots = new Map<K, Slot>();
  private readonly delayMs: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly timers: AutosaveTimers;
  private disposed = false;

  constructor(private readonly options: AutosaveOptions<K>) {
    this.delayMs = options.delayMs ?? 800;
    this.backoffMs = options.backoffMs ?? defaultBackoff;
    this.timers = options.timers ?? {
      setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as number),
    };
  }

  status(key: K): AutosaveStatus {
    return this.slots.get(key)?.status ?? 'idle';
  }

  /** Whether any entry holds work the server does not have (to warn before leaving). */
  hasUnsaved(): boolean {
    for (const slot of this.slots.values()) if (unsavedStatuses.has(slot.status)) return true;
    return false;
  }

  /** The entry was edited: its save starts once typing has stopped for a moment. */
  touch(key: K): void {
    const slot = this.slot(key);
    slot.attempt = 0;
    this.clearTimer(slot);
    this.setStatus(key, slot, 'pending');
    if (slot.inFlight) slot.editedInFlight = true;
    else slot.timer = this.timers.setTimeout(() => this.start(key), this.delayMs);
  }

  /** Saves the entry now (a retry button, leaving the page), whatever it was waiting for. */
  saveNow(key: K): Promise<void> {
    const slot = this.slot(key);
    if (slot.inFlight) {
      slot.editedInFlight = true;
      return slot.inFlight;
    }
    this.clearTimer(slot);
    return this.start(key);
  }

  /** Forgets what the entry waited for (its edits were dropped, e.g. the other version was taken). */
  settle(key: K, status: AutosaveStatus = 'saved'): void {
    const slot = this.slot(key);
    this.clearTimer(slot);
    slot.editedInFlight = false;
    slot.attempt = 0;
    this.setStatus(key, slot, status);
  }

  /** Starts every waiting or retrying save now and resolves when none is on its way. */
  async flush(): Promise<void> {
    for (;;) {
      const waiting = [...this.slots.entries()].filter(
        ([, slot]) => slot.status === 'pending' || slot.status === 'retrying' || slot.inFlight,
      );
      if (waiting.length === 0) return;
      await Promise.all(
        waiting.map(([key, slot]) => (slot.inFlight ? slot.inFlight : this.saveNow(key))),
      );
      // Retries that failed again stay retrying; do not spin on a server that is down.
      if ([...this.slots.values()].every((slot) => slot.status !== 'pending' && !slot.inFlight))
        return;
    }
  }

  /** Starts (again) after `dispose`: React may unmount and mount the page's effects twice. */
  activate(): void {
    this.disposed = false;
  }

  dispose(): void {
    this.disposed = true;
    for (const slot of this.slots.values()) this.clearTimer(slot);
  }

  private slot(key: K): Slot {
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { status: 'idle', timer: null, inFlight: null, editedInFlight: false, attempt: 0 };
      this.slots.set(key, slot);
    }
    return slot;
  }

  private clearTimer(slot: Slot) {
    if (slot.timer !== null) this.timers.clearTimeout(slot.timer);
    slot.timer = null;
  }

  private setStatus(key: K, slot: Slot, status: AutosaveStatus) {
    if (slot.status === status) return;
    slot.status = status;
    this.options.onStatus(key, status);
  }

  private start(key: K): Promise<void> {
    const slot = this.slot(key);
    slot.timer = null;
    if (this.disposed) return Promise.resolve();
    slot.editedInFlight = false;
    this.setStatus(key, slot, 'saving');
    const flight = this.options
      .run(key)
      .catch((): RunOutcome => 'retry')
      .then((outcome) => {
        slot.inFlight = null;
        if (this.disposed) return;
        if (outcome === 'stop') {
          slot.editedInFlight = false;
          this.setStatus(key, slot, 'stopped');
        } else if (slot.editedInFlight) {
          // Newer edits supersede this outcome: they are saved after the usual pause.
          slot.editedInFlight = false;
          slot.attempt = 0;
          this.setStatus(key, slot, 'pending');
          slot.timer = this.timers.setTimeout(() => this.start(key), this.delayMs);
        } else if (outcome === 'saved') {
          slot.attempt = 0;
          this.setStatus(key, slot, 'saved');
        } else {
          slot.attempt += 1;
          this.setStatus(key, slot, 'retrying');
          slot.timer = this.timers.setTimeout(() => this.start(key), this.backoffMs(slot.attempt));
        }
      });
    slot.inFlight = flight;
    return flight;
  }
}
