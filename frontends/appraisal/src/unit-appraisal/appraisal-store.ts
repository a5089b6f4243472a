/**
 * The appraiser's entries of one unit outside React: every assigned leaf's draft for the current
 * round, last saved version, save state, conflict and whether a reason is missing, with a
 * subscription per leaf (typing re-renders that leaf only) and one for the totals.
 */
import type {
  AppraisalEntry,
  AppraisalRound,
  AskQuestionParams,
  CriterionNode,
  Locale,
  SaveAppraisalParams,
} from '@par/contracts';
import {
  AutosaveQueue,
  draftToInputs,
  liveScore,
  reconcileIncoming,
  reconcileStale,
  resolveConflict,
} from '@par/entry-ui';
import type {
  AutosaveStatus,
  AutosaveTimers,
  ConflictChoice,
  InvalidInput,
  PageSaveState,
  RunOutcome,
} from '@par/entry-ui';
import type { LeafScore } from '@par/scoring';
import { sumHundredths } from '@par/scoring';
import { appraisalModel, entryToDraft, isAppraised, reasonMissing, saveParams } from './form-state';
import type { AppraisalDraft } from './form-state';

export interface AppraisalLeafView {
  code: string;
  draft: AppraisalDraft;
  /** The entry as last read or written. */
  saved: AppraisalEntry;
  status: AutosaveStatus;
  /** Why the last save failed, as the server said it (already in the user's language). */
  error: string | null;
  /** Another council member's version, when it differs from what is typed here. */
  conflict: AppraisalEntry | null;
  invalid: InvalidInput | null;
  score: LeafScore;
  /** The score differs from the reference and no reason is written: not saved until it is. */
  needsReason: boolean;
}

/** How a failed save is understood (the page maps ApiError onto this). */
export type AppraisalSaveFailure =
  | { kind: 'conflict'; current: AppraisalEntry }
  | { kind: 'retry'; message: string }
  | { kind: 'refused'; message: string; readOnly: boolean };

export interface AppraisalStoreOptions {
  periodId: string;
  unitCode: string;
  round: AppraisalRound;
  nodes: readonly CriterionNode[];
  entries: readonly AppraisalEntry[];
  locale: () => Locale;
  save(params: SaveAppraisalParams): Promise<AppraisalEntry>;
  ask(params: AskQuestionParams): Promise<AppraisalEntry>;
  classify(error: unknown): AppraisalSaveFailure;
  /** The server refused a write because the round may no longer be written (sent, deadline). */
  onReadOnly?(message: string): void;
  delayMs?: number;
  backoffMs?: (attempt: number) => number;
  timers?: AutosaveTimers;
}

export interface AppraisalSummary {
  /** Sums over the assigned leaves, in hundredths; a leaf without a score counts 0. */
  self: number;
  appraisal: number;
  max: number;
  assigned: number;
  appraised: number;
  /** Leaves whose score is typed but whose reason is missing. */
  needReason: number;
}

/** Reasons a typed value is refused on the page; a missing input is simply not scored yet. */
const blocking = (score: LeafScore) => !score.ok && score.reason !== 'missingInput';

export class AppraisalStore {
  readonly round: AppraisalRound;
  /** The assigned leaves, in the set's order. */
  readonly leafCodes: readonly string[];
  private readonly byCode: Map<string, CriterionNode>;
  private readonly leaves = new Map<string, AppraisalLeafView>();
  private readonly leafListeners = new Map<string, Set<() => void>>();
  private readonly listeners = new Set<() => void>();
  private readonly queue: AutosaveQueue<string>;
  private editing: string | null = null;
  private summaryCache: AppraisalSummary | null = null;
  private readOnly = false;

  constructor(private readonly options: AppraisalStoreOptions) {
    this.round = options.round;
    this.byCode = new Map(options.nodes.map((node) => [node.code, node]));
    const entries = new Map(options.entries.map((entry) => [entry.criterionCode, entry]));
    this.leafCodes = options.nodes
      .filter((node) => entries.has(node.code))
      .map((node) => node.code);
    const locale = options.locale();
    for (const code of this.leafCodes) {
      const saved = entries.get(code)!;
      this.leaves.set(
        code,
        this.derive({
          code,
          draft: entryToDraft(saved, this.round, locale),
          saved,
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

  node(code: string): CriterionNode {
    const node = this.byCode.get(code);
    if (!node) throw new Error(`${code} is not a node of this unit's set`);
    return node;
  }

  leaf(code: string): AppraisalLeafView {
    const leaf = this.leaves.get(code);
    if (!leaf) throw new Error(`${code} is not assigned`);
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
  summary = (): AppraisalSummary => {
    if (this.summaryCache) return this.summaryCache;
    const self: number[] = [];
    const appraisal: number[] = [];
    const max: number[] = [];
    let appraised = 0;
    let needReason = 0;
    for (const leaf of this.leaves.values()) {
      const node = this.node(leaf.code);
      if (leaf.saved.self.score !== null) self.push(leaf.saved.self.score);
      if (leaf.score.ok) appraisal.push(leaf.score.score);
      if (node.rule?.type !== 'deduction') max.push(node.maxScore);
      if (leaf.score.ok && !leaf.needsReason && !leaf.invalid) appraised += 1;
      if (leaf.needsReason) needReason += 1;
    }
    this.summaryCache = {
      self: sumHundredths(self),
      appraisal: sumHundredths(appraisal),
      max: sumHundredths(max),
      assigned: this.leaves.size,
      appraised,
      needReason,
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

  /** Whether the entry counts as appraised in the round as the server last said. */
  savedAppraised(code: string): boolean {
    return isAppraised(this.leaf(code).saved, this.round);
  }

  // What the appraiser does.

  edit(code: string, change: Partial<AppraisalDraft>): void {
    if (this.readOnly) return;
    const leaf = this.leaf(code);
    const next = this.patch(code, { draft: { ...leaf.draft, ...change }, error: null });
    if (next.invalid || next.needsReason) {
      // Not sent: the server would refuse it too. The entry stays marked until it is fixed.
      this.queue.settle(code, 'stopped');
    } else if (!next.conflict) {
      this.queue.touch(code);
    }
  }

  /** The appraiser is in one of the leaf's fields (null: none); another save is then a conflict. */
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
    this.patch(code, { draft: outcome.draft, saved: outcome.saved, conflict: null, error: null });
    if (outcome.resave) void this.queue.saveNow(code);
    else this.queue.settle(code, 'saved');
  }

  /**
   * Asks the unit a question on the entry (its pending save goes first, so the question is
   * asked on the current version); resolves with the server's message when it was refused.
   */
  async askQuestion(code: string, text: string, again = true): Promise<string | null> {
    if (this.leaf(code).status !== 'idle' && this.leaf(code).status !== 'saved')
      await this.queue.saveNow(code);
    const leaf = this.leaf(code);
    try {
      const entry = await this.options.ask({
        periodId: this.options.periodId,
        unitCode: this.options.unitCode,
        criterionCode: code,
        version: leaf.saved.version,
        text,
      });
      this.patch(code, { saved: entry });
      return null;
    } catch (error) {
      const failure = this.options.classify(error);
      if (failure.kind !== 'conflict') return failure.message;
      // Another member wrote the entry meanwhile: take their version, then ask on it once more.
      this.applyRemote([failure.current]);
      if (again && !this.leaf(code).conflict) return this.askQuestion(code, text, false);
      return error instanceof Error ? error.message : String(error);
    }
  }

  /** An entry written by another way (a question asked, another member's save seen by a reread). */
  applyRemote(entries: readonly AppraisalEntry[]): void {
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

  private model(code: string) {
    return appraisalModel(this.node(code), this.round, this.options.locale());
  }

  private async run(code: string): Promise<RunOutcome> {
    const leaf = this.leaf(code);
    const node = this.node(code);
    if (leaf.invalid || leaf.conflict || leaf.needsReason) return 'stop';
    try {
      const entry = await this.options.save(
        saveParams(
          this.options.periodId,
          this.options.unitCode,
          node,
          this.round,
          leaf.draft,
          leaf.saved.version,
        ),
      );
      this.patch(code, { saved: entry, error: null });
      return 'saved';
    } catch (error) {
      const failure = this.options.classify(error);
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
        this.options.onReadOnly?.(failure.message);
      }
      return 'stop';
    }
  }

  private derive(
    leaf: Omit<AppraisalLeafView, 'invalid' | 'score' | 'needsReason'>,
  ): AppraisalLeafView {
    const node = this.node(leaf.code);
    const score = liveScore(node, leaf.draft, null);
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
      needsReason: reasonMissing(
        score.ok ? score.score : null,
        leaf.draft.reason,
        leaf.saved,
        this.round,
      ),
    };
  }

  private patch(
    code: string,
    change: Partial<Omit<AppraisalLeafView, 'code' | 'invalid' | 'score' | 'needsReason'>>,
  ): AppraisalLeafView {
    const before = this.leaf(code);
    const next = this.derive({ ...before, ...change });
    this.leaves.set(code, next);
    if ('draft' in change || 'saved' in change) this.summaryCache = null;
    for (const listener of this.leafListeners.get(code) ?? []) listener();
    for (const listener of this.listeners) listener();
    return next;
  }
}
