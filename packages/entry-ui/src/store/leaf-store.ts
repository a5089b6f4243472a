/**
 * A page's entries outside React, as the unit's page and the appraiser's page both keep them:
 * every leaf's draft, last saved version, save state and conflict, with a subscription per leaf
 * (typing re-renders that leaf only) and one for the page's summary. Each page says what its
 * entries are (how they save, how they read as drafts, what else a leaf holds or derives and
 * what the summary counts); the autosave, the conflict rules and the refusals are handled here.
 */
import type { LeafScore } from '@par/scoring';
import { AutosaveQueue } from '../autosave/autosave-queue';
import type { AutosaveStatus, AutosaveTimers, RunOutcome } from '../autosave/autosave-queue';
import type { PageSaveState } from '../autosave/SaveStateTag';
import { reconcileIncoming, reconcileStale, resolveConflict } from '../conflict/conflict';
import type { ConflictChoice, DraftModel, Versioned } from '../conflict/conflict';
import type { InvalidInput } from '../rule-input/RuleInput';
import { draftToInputs, liveScore } from '../rule-input/rule-draft';
import type { HeldScore, RuleDraft, RuleNode } from '../rule-input/rule-draft';

/** What the store keeps of one leaf; `Own` is what the page adds (an evidence count). */
export type LeafState<D, S, Saved, Own> = {
  code: string;
  draft: D;
  /** The last version the page read or wrote (null for a leaf never saved, where it may be). */
  saved: Saved;
  status: AutosaveStatus;
  /** Why the last save failed, as the server said it (already in the user's language). */
  error: string | null;
  /** Another person's version, when it differs from what is typed here. */
  conflict: S | null;
} & Own;

/** A leaf as the page shows it: its state and what follows from it (`Derived`: the page's own). */
export type LeafStoreView<D, S, Saved, Own, Derived> = LeafState<D, S, Saved, Own> & {
  /** A typed value the rule refuses, so it is not sent: which field, and why. */
  invalid: InvalidInput | null;
  score: LeafScore;
} & Derived;

/** How a failed save is understood (the page maps ApiError onto this). */
export type StoreSaveFailure<S> =
  | { kind: 'conflict'; current: S }
  | { kind: 'retry'; message: string }
  | { kind: 'refused'; message: string; readOnly: boolean };

/** What every page's store is given besides its entries. */
export interface LeafStoreOptions<S> {
  classify(error: unknown): StoreSaveFailure<S>;
  /** The server refused a write because the page may no longer write (deadline, sent). */
  onReadOnly?(message: string): void;
  delayMs?: number;
  backoffMs?: (attempt: number) => number;
  timers?: AutosaveTimers;
}

/** Reasons a typed value is refused on the page; a missing input is simply not scored yet. */
const blocking = (score: LeafScore) => !score.ok && score.reason !== 'missingInput';

export abstract class LeafStore<
  N extends RuleNode,
  D extends RuleDraft,
  S extends Versioned,
  Saved extends S | null,
  Own extends object,
  Derived extends object,
  Summary,
> {
  protected readonly leaves = new Map<string, LeafStoreView<D, S, Saved, Own, Derived>>();
  private readonly leafListeners = new Map<string, Set<() => void>>();
  private readonly listeners = new Set<() => void>();
  protected readonly queue: AutosaveQueue<string>;
  private editing: string | null = null;
  private summaryCache: Summary | null = null;
  private readOnly = false;

  protected constructor(
    private readonly base: LeafStoreOptions<S> & {
      /** The page's words for a code it does not hold as a leaf. */
      notLeaf: (code: string) => string;
      /** The changed fields after which the summary is counted again. */
      summaryFields: readonly string[];
    },
  ) {
    this.queue = new AutosaveQueue<string>({
      run: (code) => this.run(code),
      onStatus: (code, status) => this.patch(code, { status }),
      delayMs: base.delayMs,
      backoffMs: base.backoffMs,
      timers: base.timers,
    });
  }

  // What each page says.

  protected abstract nodeOf(code: string): N;
  /** How the conflict rules read the leaf's entries now. */
  protected abstract model(code: string): DraftModel<D, S>;
  /** Sends one save of the leaf, as it stands. */
  protected abstract send(leaf: LeafStoreView<D, S, Saved, Own, Derived>): Promise<S>;
  /** The score the server holds for a leaf filled elsewhere, when the page has one. */
  protected abstract held(leaf: LeafState<D, S, Saved, Own>): HeldScore | null;
  /** What else follows from the leaf and its score. */
  protected abstract derived(leaf: LeafState<D, S, Saved, Own>, score: LeafScore): Derived;
  /** A reason of the page not to send the leaf yet (besides a refused value and a conflict). */
  protected abstract heldBack(leaf: LeafStoreView<D, S, Saved, Own, Derived>): boolean;
  protected abstract count(): Summary;

  /** Sets the leaves as read (the page calls it once, from its constructor). */
  protected start(leaves: readonly LeafState<D, S, Saved, Own>[]): void {
    for (const leaf of leaves) this.leaves.set(leaf.code, this.derive(leaf));
  }

  // Subscriptions, shaped for useSyncExternalStore.

  leaf(code: string): LeafStoreView<D, S, Saved, Own, Derived> {
    const leaf = this.leaves.get(code);
    if (!leaf) throw new Error(this.base.notLeaf(code));
    return leaf;
  }

  subscribeLeaf(code: string, listener: () => void): () => void {
    let set = this.leafListeners.get(code);
    if (!set) this.leafListeners.set(code, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Totals and progress for what is typed now; the same object until something changes. */
  summary = (): Summary => {
    this.summaryCache ??= this.count();
    return this.summaryCache;
  };

  pageSaveState = (): PageSaveState => {
    let state: PageSaveState = 'idle';
    for (const leaf of this.leaves.values()) {
      if (leaf.status === 'stopped' || leaf.status === 'retrying') return 'error';
      if (leaf.status === 'pending' || leaf.status === 'saving') state = 'saving';
      else if (leaf.status === 'saved' && state === 'idle') state = 'saved';
    }
    return state;
  };

  hasUnsaved(): boolean {
    return this.queue.hasUnsaved();
  }

  isReadOnly(): boolean {
    return this.readOnly;
  }

  // What the person does.

  edit(code: string, change: Partial<D>): void {
    if (this.readOnly) return;
    const leaf = this.leaf(code);
    const next = this.patch(code, {
      draft: { ...leaf.draft, ...change },
      error: null,
    });
    if (next.invalid || this.heldBack(next)) {
      // Not sent: the server would refuse it too. The entry stays marked until it is fixed.
      this.queue.settle(code, 'stopped');
    } else if (!next.conflict) {
      this.queue.touch(code);
    }
  }

  /** The person is in one of the leaf's fields (null: none); another save is then a conflict. */
  focus(code: string | null): void {
    this.editing = code;
  }

  retry(code: string): Promise<void> {
    return this.queue.saveNow(code);
  }

  resolve(code: string, choice: ConflictChoice): void {
    const leaf = this.leaf(code);
    if (!leaf.conflict) return;
    const outcome = resolveConflict(this.model(code), choice, leaf.draft, leaf.conflict);
    this.patch(code, {
      draft: outcome.draft,
      saved: outcome.saved,
      conflict: null,
      error: null,
    });
    if (outcome.resave) void this.queue.saveNow(code);
    else this.queue.settle(code, 'saved');
  }

  /** Versions of entries written another way (another person's save, a question asked). */
  applyRemote(entries: readonly (S & { criterionCode: string })[]): void {
    for (const incoming of entries) {
      const leaf = this.leaves.get(incoming.criterionCode);
      if (!leaf) continue;
      const outcome = reconcileIncoming(
        this.model(leaf.code),
        {
          draft: leaf.draft,
          saved: leaf.saved,
          editing: this.editing === leaf.code,
          inFlight: leaf.status === 'saving',
        },
        incoming,
      );
      if (outcome.kind === 'adopt') {
        this.patch(leaf.code, { draft: outcome.draft, saved: outcome.saved });
      } else if (outcome.kind === 'adoptVersion') {
        this.patch(leaf.code, { saved: outcome.saved });
      } else if (outcome.kind === 'conflict') {
        this.patch(leaf.code, { conflict: outcome.theirs });
        this.queue.settle(leaf.code, 'stopped');
      }
    }
  }

  /** Saves everything that waits now; resolves when nothing is on its way. */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  setReadOnly(readOnly: boolean): void {
    this.readOnly = readOnly;
  }

  activate(): void {
    this.queue.activate();
  }

  dispose(): void {
    this.queue.dispose();
  }

  // Inside.

  private async run(code: string): Promise<RunOutcome> {
    const leaf = this.leaf(code);
    if (leaf.invalid || leaf.conflict || this.heldBack(leaf)) return 'stop';
    try {
      const entry = await this.send(leaf);
      this.patch(code, { saved: entry, error: null });
      return 'saved';
    } catch (error) {
      const failure = this.base.classify(error);
      if (failure.kind === 'conflict') {
        const now = this.leaf(code);
        const outcome = reconcileStale(this.model(code), now.draft, now.saved, failure.current);
        if (outcome.kind === 'adoptVersion') {
          this.patch(code, { saved: outcome.saved, error: null });
          return 'saved';
        }
        if (outcome.kind === 'rebase') {
          this.patch(code, { saved: outcome.saved, error: null });
          return 'retry';
        }
        if (outcome.kind === 'conflict') this.patch(code, { conflict: outcome.theirs });
        return 'stop';
      }
      this.patch(code, { error: failure.message });
      if (failure.kind === 'retry') return 'retry';
      if (failure.readOnly) {
        this.readOnly = true;
        this.base.onReadOnly?.(failure.message);
      }
      return 'stop';
    }
  }

  private derive(leaf: LeafState<D, S, Saved, Own>): LeafStoreView<D, S, Saved, Own, Derived> {
    const node = this.nodeOf(leaf.code);
    const score = liveScore(node, leaf.draft, this.held(leaf));
    const { invalid } = draftToInputs(node, leaf.draft);
    return {
      ...leaf,
      score,
      invalid: blocking(score)
        ? {
            field: invalid ?? (score.ok ? null : score.field),
            reason: score.ok ? 'noRule' : score.reason,
          }
        : null,
      ...this.derived(leaf, score),
    };
  }

  protected patch(
    code: string,
    /** Shared fields, or the page's own (`Own`). */
    change: LeafChange<D, S> | Partial<Own>,
  ): LeafStoreView<D, S, Saved, Own, Derived> {
    const before = this.leaf(code);
    // A saved version from the server fits wherever the page's leaves hold one (`S` is in `Saved`).
    const next = this.derive({ ...before, ...change } as LeafState<D, S, Saved, Own>);
    this.leaves.set(code, next);
    if (this.base.summaryFields.some((field) => field in change)) this.summaryCache = null;
    for (const listener of this.leafListeners.get(code) ?? []) listener();
    for (const listener of this.listeners) listener();
    return next;
  }
}

/**
 * The shared fields of a leaf a change may set (what follows is derived again); a version the
 * server sent is always an entry, whatever the page's leaves may hold before their first save.
 */
export type LeafChange<D, S> = Partial<{
  draft: D;
  saved: S;
  status: AutosaveStatus;
  error: string | null;
  conflict: S | null;
}>;
