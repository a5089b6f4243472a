/** React's view of the appraisal store: each component subscribes to exactly what it shows. */
export {
  useStoreLeaf as useAppraisalLeaf,
  useStoreSummary as useAppraisalSummary,
} from '@par/entry-ui';
