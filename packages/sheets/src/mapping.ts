/**
 * The pure part of @par/sheets that a browser can load (no parser, no Node API): guessing the
 * role of each column and reading a criteria sheet's rows into a tree under a mapping.
 */
export * from './sheet-cells';
export * from './sheet-mapping';
export * from './criteria-sheet-mapping';
export * from './unit-sheet-mapping';
export * from './survey-sheet-mapping';
