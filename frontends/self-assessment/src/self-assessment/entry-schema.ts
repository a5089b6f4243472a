/** Contracts' entry schema alone, for the chunk `saved-entry.ts` loads when a save fails. */
export { Entry } from '@par/contracts';
