/** The public surface of @par/sheets: sheet reading, cell cleaning, sheet writing and the XLSX archive guard. */
export * from './sheet-error';
export * from './sheet-cells';
export * from './sheet-reader';
export * from './sheet-writer';
export * from './sheet-mapping';
export * from './criteria-sheet-mapping';
export * from './unit-sheet-mapping';
export * from './survey-sheet-mapping';
export * from './xlsx-archive';
export * from './past-results-sheet-mapping';
