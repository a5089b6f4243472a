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
import { LeafStore } from '@par/entry-ui';
import type { AutosaveTimers, LeafState, LeafStoreView, StoreSaveFailure } from '@par/entry-ui';
import type { LeafScore } from '@par/scoring';
import { sumHundredths } from '@par/scoring';
import { appraisalModel, entryToDraft, isAppraised, reasonMissing, saveParams } from './form-state';
import type { AppraisalDraft } from './form-state';

/** What follows for the appraiser from a leaf's score and reason. */
interface ReasonState {
  /** The score differs from the reference and no reason is written: not saved until it is. */
  needsReason: boolean;
}

export type AppraisalLeafView = LeafStoreView<
  AppraisalDraft,
  AppraisalEntry,
  AppraisalEntry,
  object,
  ReasonState
>;

/** How a failed save is understood (the page maps ApiError onto this). */
export type AppraisalSaveFailure = StoreSaveFailure<AppraisalEntry>;

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

export class AppraisalStore extends LeafStore<
  CriterionNode,
  AppraisalDraft,
  AppraisalEntry,
  AppraisalEntry,
  object,
  ReasonState,
  AppraisalSummary
> {
  readonly round: AppraisalRound;
  /** The assigned leaves, in the set's order. */
  readonly leafCodes: readonly string[];
  private readonly byCode: Map<string, CriterionNode>;

  constructor(private readonly options: AppraisalStoreOptions) {
    super({
      ...options,
      notLeaf: (code) => `${code} is not assigned`,
      summaryFields: ['draft', 'saved'],
    });
    this.round = options.round;
    this.byCode = new Map(options.nodes.map((node) => [node.code, node]));
    const entries = new Map(options.entries.map((entry) => [entry.criterionCode, entry]));
    this.leafCodes = options.nodes
      .filter((node) => entries.has(node.code))
      .map((node) => node.code);
    const locale = options.locale();
    this.start(
      this.leafCodes.map((code) => {
        const saved = entries.get(code)!;
        return {
          code,
          draft: entryToDraft(saved, this.round, locale),
          saved,
          status: 'idle',
          error: null,
          conflict: null,
        };
      }),
    );
  }

  node(code: string): CriterionNode {
    const node = this.byCode.get(code);
    if (!node) throw new Error(`${code} is not a node of this unit's set`);
    return node;
  }

  /** Whether the entry counts as appraised in the round as the server last said. */
  savedAppraised(code: string): boolean {
    return isAppraised(this.leaf(code).saved, this.round);
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

  // What the shared store asks of this page.

  protected count(): AppraisalSummary {
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
    return {
      self: sumHundredths(self),
      appraisal: sumHundredths(appraisal),
      max: sumHundredths(max),
      assigned: this.leaves.size,
      appraised,
      needReason,
    };
  }

  protected nodeOf(code: string): CriterionNode {
    return this.node(code);
  }

  protected model(code: string) {
    return appraisalModel(this.node(code), this.round, this.options.locale());
  }

  protected send(leaf: AppraisalLeafView): Promise<AppraisalEntry> {
    return this.options.save(
      saveParams(
        this.options.periodId,
        this.options.unitCode,
        this.node(leaf.code),
        this.round,
        leaf.draft,
        leaf.saved.version,
      ),
    );
  }

  /** The appraiser's score is always typed: nothing is held for it elsewhere. */
  protected held() {
    return null;
  }

  protected derived(
    leaf: LeafState<AppraisalDraft, AppraisalEntry, AppraisalEntry, object>,
    score: LeafScore,
  ): ReasonState {
    return {
      needsReason: reasonMissing(
        score.ok ? score.score : null,
        leaf.draft.reason,
        leaf.saved,
        this.round,
      ),
    };
  }

  protected heldBack(leaf: AppraisalLeafView): boolean {
    return leaf.needsReason;
  }
}
