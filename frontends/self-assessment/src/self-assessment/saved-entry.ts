/**
 * How the page reads the entry a refused save's 409 carries: with contracts' `Entry` schema,
 * loaded (with zod) when a save first fails rather than with the page, so the page's first path
 * carries no zod. A failed save waits for the schema before it reports, so `classify` has it.
 */
import type { Entry } from '@par/contracts';
import type { SavedEntrySchema } from '@par/entry-ui';

let schema: SavedEntrySchema<Entry> | undefined;

/** `save` as it was; its failure reports once the entry schema is there. */
export async function withEntrySchemaOnFailure<T>(save: Promise<T>): Promise<T> {
  try {
    return await save;
  } catch (error) {
    // Without the schema (its chunk did not load) a 409 reads as a refusal, not a conflict.
    schema ??= await import('./entry-schema').then(
      (module) => module.Entry,
      () => undefined,
    );
    throw error;
  }
}

export const savedEntry: SavedEntrySchema<Entry> = {
  safeParse: (value) => schema?.safeParse(value) ?? { success: false },
};
