/**
 * The page's entries outside React: every leaf's draft, last saved version, evidence count,
 * save state and conflict, with a subscription per leaf (typing re-renders that leaf only) and
 * one for the summary (totals and progress, computed by the kernel once per change).
 */
import type { Entry, Locale, SaveEntryParams, UnitCriterionNode } from '@par/contracts';
import { buildCriteriaTree, completeness, treeMaxima, treeScores } from '@par/scoring';
import type { Completeness, CriteriaTree } from '@par/scoring';
import { LeafStore } from '@par/entry-ui';
import type { AutosaveTimers, LeafStoreView, PageSaveState, StoreSaveFailure } from '@par/entry-ui';
import { entryModel, entryToDraft, saveParams } from './form-state';
import type { EntryDraft } from './form-state';

/** What the unit's page keeps of a leaf besides the shared state: its evidence count. */
interface EvidenceHeld {
  evidenceCount: number;
}

export type LeafView = LeafStoreView<EntryDraft, Entry, Entry | null, EvidenceHeld, object>;

/** How a failed save is understood (the page maps ApiError onto this). */
export type SaveFailure = StoreSaveFailure<Entry>;

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

export class EntryStore extends LeafStore<
  UnitCriterionNode,
  EntryDraft,
  Entry,
  Entry | null,
  EvidenceHeld,
  object,
  Summary
> {
  readonly nodes: readonly UnitCriterionNode[];
  readonly leafCodes: readonly string[];
  readonly tree: CriteriaTree;
  private readonly byCode: Map<string, UnitCriterionNode>;
  private readonly maxima: TreeMaximaByCode;

  constructor(private readonly options: EntryStoreOptions) {
    super({
      ...options,
      notLeaf: (code) => `${code} is not a leaf of this set`,
      summaryFields: ['draft', 'saved', 'evidenceCount'],
    });
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
    this.start(
      this.leafCodes.map((code) => {
        const entry = saved.get(code) ?? null;
        return {
          code,
          draft: entryToDraft(entry, locale),
          saved: entry,
          evidenceCount: options.evidenceCounts[code] ?? 0,
          status: 'idle',
          error: null,
          conflict: null,
        };
      }),
    );
  }

  setEvidenceCount(code: string, count: number): void {
    if (this.leaves.has(code) && this.leaf(code).evidenceCount !== count)
      this.patch(code, { evidenceCount: count });
  }

  // What the shared store asks of this page.

  protected count(): Summary {
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
    return {
      scores: new Map(this.nodes.map((node, i) => [node.code, scores[i]!])),
      total,
      maxima: this.maxima.byCode,
      totalMax: this.maxima.total,
      completeness: completeness(this.nodes, entries),
    };
  }

  protected nodeOf(code: string): UnitCriterionNode {
    return this.byCode.get(code)!;
  }

  protected model(code: string) {
    return entryModel(this.nodeOf(code), this.options.locale());
  }

  protected send(leaf: LeafView): Promise<Entry> {
    return this.options.save(
      saveParams(
        this.options.periodId,
        this.nodeOf(leaf.code),
        leaf.draft,
        leaf.saved?.version ?? 0,
      ),
    );
  }

  protected held(leaf: { saved: Entry | null }) {
    return leaf.saved;
  }

  protected derived(): object {
    return {};
  }

  protected heldBack(): boolean {
    return false;
  }
}

interface TreeMaximaByCode {
  byCode: ReadonlyMap<string, number>;
  total: number;
}
