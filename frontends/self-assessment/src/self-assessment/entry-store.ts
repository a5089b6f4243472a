/**
 * The page's entries outside React: every leaf's draft, last saved version, evidence count,
 * save state and conflict, with a subscription per leaf (typing re-renders that leaf only) and
 * one for the summary (totals and progress, computed by the kernel once per change).
 */
import type { Entry, Locale, SaveEntryParams, UnitCriterionNode } from '@par/contracts';
import { buildCriteriaTree, completeness, treeMaxima, treeScores } from '@par/scoring';
import type { Completeness, CriteriaTree, LeafScore, LeafScoreReason } from '@par/scoring';
import { AutosaveQueue, reconcileIncoming, reconcileStale, resolveConflict } from '@par/entry-ui';
import type {
  AutosaveStatus,
  AutosaveTimers,
  ConflictChoice,
  PageSaveState,
  RunOutcome,
} from '@par/entry-ui';
import { draftToInputs, entryModel, entryToDraft, liveScore, saveParams } from './form-state';
import type { EntryDraft, InvalidField } from './form-state';

export interface LeafView {
  code: string;
  draft: EntryDraft;
  /** The last version the page read or wrote; null for a leaf never saved. */
  saved: Entry | null;
  evidenceCount: number;
  status: AutosaveStatus;
  /** Why the last save failed, as the server said it (already in the user's language). */
  error: string | null;
  /** Another officer's version, when it differs from what is typed here. */
  conflict: Entry | null;
  /** A typed value the rule refuses, so it is not sent: which field, and why. */
  invalid: { field: InvalidField | null; reason: LeafScoreReason } | null;
  score: LeafScore;
}

/** How a failed save is understood (the page maps ApiError onto this). */
export type SaveFailure =
  | { kind: 'conflict'; current: Entry }
  | { kind: 'retry'; message: string }
  | { kind: 'refused'; message: string; readOnly: boolean };

export interface EntryStoreOptions {
  periodId: string;
  nodes: readonly UnitCriterionNode[];
  entries: readonly Entry[];
  evidenceCounts: Readonly<Record<string, number>>;
  locale: () => Locale;
  save(params: SaveEntryParams): Promise<Entry>;
  classify(error: unknown): SaveFailure;
  /** The server refused a write because the unit may no longer write (deadline, submitted). */
  onReadOnly?(message: string): void;
  delayMs?: number;
  backoffMs?: (attempt: number) => number;
  timers?: AutosaveTimers;
}

export interface Summary {
  /** Every node's score by code (hundredths), from what is typed now. */
  scores: ReadonlyMap<string, number>;
  total: number;
  /** Every node's effective maximum by code. */
  maxima: ReadonlyMap<string, number>;
  totalMax: number;
  completeness: Completeness;
}

export type { PageSaveState };

/** Reasons a typed value is refused on the page; a missing input is simply not scored yet. */
const blocking = (score: LeafScore) => !score.ok && score.reason !== 'missingInput';

export class EntryStore {
  readonly nodes: readonly UnitCriterionNode[];
  readonly leafCodes: readonly string[];
  readonly tree: CriteriaTree;
  private readonly byCode: Map<string, UnitCriterionNode>;
  private readonly leaves = new Map<string, LeafView>();
  private readonly leafListeners = new Map<string, Set<() => void>>();
  private readonly listeners = new Set<() => void>();
  private readonly queue: AutosaveQueue<string>;
  private readonly maxima: TreeMaximaByCode;
  private editing: string | null = null;
  private summaryCache: Summary | null = null;
  private readOnly = false;

  constructor(private readonly options: EntryStoreOptions) {
    this.nodes = options.nodes;
    this.byCode = new Map(options.nodes.map((node) => [node.code, node]));
    this.tree = buildCriteriaTree(options.nodes);
    this.leafCodes = options.nodes
      .filter((_node, i) => this.tree.children[i]!.length === 0)
      .map((node) => node.code);
    const maxima = treeMaxima(options.nodes, this.tree);
    this.maxima = {
      byCode: new Map(options.nodes.map((node, i) => [node.code, maxima.effectiveMax[i]!])),
      total: maxima.totalMax,
    };
    const saved = new Map(options.entries.map((entry) => [entry.criterionCode, entry]));
    const locale = options.locale();
    for (const code of this.leafCodes) {
      const entry = saved.get(code) ?? null;
      this.leaves.set(
        code,
        this.derive({
          code,
          draft: entryToDraft(entry, locale),
          saved: entry,
          evidenceCount: options.evidenceCounts[code] ?? 0,
          status: 'idle',
          error: null,
          conflict: null,
        }),
      );
    }
    this.queue = new AutosaveQueue<string>({
      run: (code) => this.run(code),
      onStatus: (code, status) => this.patch(code, { status }),
      delayMs: options.delayMs,
      backoffMs: options.backoffMs,
      timers: options.timers,
    });
  }

  // Subscriptions, shaped for useSyncExternalStore.

  leaf(code: string): LeafView {
    const leaf = this.leaves.get(code);
    if (!leaf) throw new Error(`${code} is not a leaf of this set`);
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
    if (this.summaryCache) return this.summaryCache;
    const leafScores = new Map<string, number>();
    const entries = [];
    for (const leaf of this.leaves.values()) {
      const score = leaf.score.ok ? leaf.score.score : null;
      if (score !== null) leafScores.set(leaf.code, score);
      entries.push({
        criterionCode: leaf.code,
        score,
        explanation: leaf.draft.explanation,
        evidenceCount: leaf.evidenceCount,
        missingEvidenceExplanation: leaf.draft.missingEvidenceExplanation,
      });
    }
    const { scores, total } = treeScores(this.nodes, leafScores, this.tree);
    this.summaryCache = {
      scores: new Map(this.nodes.map((node, i) => [node.code, scores[i]!])),
      total,
      maxima: this.maxima.byCode,
      totalMax: this.maxima.total,
      completeness: completeness(this.nodes, entries),
    };
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

  // What the officer does.

  edit(code: string, change: Partial<EntryDraft>): void {
    if (this.readOnly) return;
    const leaf = this.leaf(code);
    const next = this.patch(code, { draft: { ...leaf.draft, ...change }, error: null });
    if (next.invalid) {
      // Not sent: the server would refuse it too. The entry stays marked until it is fixed.
      this.queue.settle(code, 'stopped');
    } else if (!next.conflict) {
      this.queue.touch(code);
    }
  }

  /** The officer is in one of the leaf's fields (null: none); another save is then a conflict. */
  focus(code: string | null): void {
    this.editing = code;
  }

  setEvidenceCount(code: string, count: number): void {
    if (this.leaves.has(code) && this.leaf(code).evidenceCount !== count)
      this.patch(code, { evidenceCount: count });
  }

  retry(code: string): Promise<void> {
    return this.queue.saveNow(code);
  }

  resolve(code: string, choice: ConflictChoice): void {
    const leaf = this.leaf(code);
    if (!leaf.conflict) return;
    const outcome = resolveConflict(
      entryModel(this.byCode.get(code)!, this.options.locale()),
      choice,
      leaf.draft,
      leaf.conflict,
    );
    this.patch(code, { draft: outcome.draft, saved: outcome.saved, conflict: null, error: null });
    if (outcome.resave) void this.queue.saveNow(code);
    else this.queue.settle(code, 'saved');
  }

  /** Other officers' saves, from polling. */
  applyRemote(entries: readonly Entry[]): void {
    const locale = this.options.locale();
    for (const incoming of entries) {
      const node = this.byCode.get(incoming.criterionCode);
      const leaf = this.leaves.get(incoming.criterionCode);
      if (!node || !leaf) continue;
      const outcome = reconcileIncoming(
        entryModel(node, locale),
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

  /** Saves everything that waits now (before submitting); resolves when nothing is on its way. */
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
    const node = this.byCode.get(code)!;
    if (leaf.invalid || leaf.conflict) return 'stop';
    const sent = leaf.draft;
    try {
      const entry = await this.options.save(
        saveParams(this.options.periodId, node, sent, leaf.saved?.version ?? 0),
      );
      this.patch(code, { saved: entry, error: null });
      return 'saved';
    } catch (error) {
      const failure = this.options.classify(error);
      if (failure.kind === 'conflict') {
        const now = this.leaf(code);
        const locale = this.options.locale();
        const outcome = reconcileStale(
          entryModel(node, locale),
          now.draft,
          now.saved,
          failure.current,
        );
        if (outcome.kind === 'adoptVersion') {
          this.patch(code, { saved: outcome.saved, error: null });
          return 'saved';
        }
        if (outcome.kind === 'rebase') {
          this.patch(code, { saved: outcome.saved, error: null });
          return 'retry';
        }
        if (outcome.kind === 'conflict') {
          this.patch(code, { conflict: outcome.theirs, saved: this.leaf(code).saved });
          return 'stop';
        }
        return 'stop';
      }
      this.patch(code, { error: failure.message });
      if (failure.kind === 'retry') return 'retry';
      if (failure.readOnly) {
        this.readOnly = true;
        this.options.onReadOnly?.(failure.message);
      }
      return 'stop';
    }
  }

  private derive(leaf: Omit<LeafView, 'invalid' | 'score'>): LeafView {
    const node = this.byCode.get(leaf.code)!;
    const score = liveScore(node, leaf.draft, leaf.saved);
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
    };
  }

  private patch(
    code: string,
    change: Partial<Omit<LeafView, 'code' | 'invalid' | 'score'>>,
  ): LeafView {
    const before = this.leaf(code);
    const next = this.derive({ ...before, ...change });
    this.leaves.set(code, next);
    if ('draft' in change || 'saved' in change || 'evidenceCount' in change)
      this.summaryCache = null;
    for (const listener of this.leafListeners.get(code) ?? []) listener();
    for (const listener of this.listeners) listener();
    return next;
  }
}

interface TreeMaximaByCode {
  byCode: ReadonlyMap<string, number>;
  total: number;
}
