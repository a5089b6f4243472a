export { AutosaveQueue, defaultBackoff } from './autosave/autosave-queue';
export type {
  AutosaveOptions,
  AutosaveStatus,
  AutosaveTimers,
  RunOutcome,
} from './autosave/autosave-queue';
export { SaveStateTag, entrySaveState } from './autosave/SaveStateTag';
export { useLeaveGuard } from './autosave/use-leave-guard';
export type { PageSaveState } from './autosave/SaveStateTag';
export { ConflictChoicePanel } from './conflict/ConflictChoicePanel';
export type { ConflictChoicePanelProps, ConflictSide } from './conflict/ConflictChoicePanel';
export { reconcileIncoming, reconcileStale, resolveConflict } from './conflict/conflict';
export type {
  ConflictChoice,
  DraftModel,
  LocalEntry,
  Reconciliation,
  Versioned,
} from './conflict/conflict';
export { EvidencePreview } from './evidence/EvidencePreview';
export type { PreviewTarget } from './evidence/EvidencePreview';
export { focusCriterion } from './navigation/focus-criterion';
export { criterionAnchor, leafOrder, moveOf, neighbour } from './navigation/keyboard-navigation';
export type { Move, OrderNode } from './navigation/keyboard-navigation';
export { RuleInput } from './rule-input/RuleInput';
export type { InvalidInput, RuleInputProps } from './rule-input/RuleInput';
export {
  draftToInputs,
  emptyRuleDraft,
  inputsToRuleDraft,
  isFilledElsewhere,
  liveScore,
  sameInputs,
} from './rule-input/rule-draft';
export type {
  DraftInputs,
  HeldScore,
  InvalidField,
  RuleDraft,
  RuleNode,
} from './rule-input/rule-draft';
export { LeafFrame, LeafGuidance, LeafSaveError } from './leaf/LeafFrame';
export type { LeafFrameProps, LeafSaveErrorProps } from './leaf/LeafFrame';
export { classifySaveFailure } from './store/save-failure';
export type { SavedEntrySchema } from './store/save-failure';
export { LeafStore } from './store/leaf-store';
export type {
  LeafChange,
  LeafState,
  LeafStoreOptions,
  LeafStoreView,
  StoreSaveFailure,
} from './store/leaf-store';
export {
  EntryPageState,
  useEntryPage,
  useStoreLeaf,
  useStoreSaveState,
  useStoreSummary,
} from './store/use-entry-page';
export type { PageStore } from './store/use-entry-page';
export { useVisiblePoll } from './store/use-visible-poll';
export type { VisiblePoll } from './store/use-visible-poll';
export { LongTextField } from './text/LongTextField';
export type { LongTextFieldProps } from './text/LongTextField';
