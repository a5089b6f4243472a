/** The evidence panel the self-assessment page embeds under each criterion. */
export { EvidencePanel } from './EvidencePanel';
export type { EvidencePanelProps } from './EvidencePanel';
