/**
 * The problems a sheet can have as a whole, before any row is looked at. They carry a reason,
 * not a message: each service maps the reason to its own catalogue key.
 */
export type SheetFailure =
  'unsupported' | 'empty' | 'tooLarge' | 'unpackedTooLarge' | 'tooManyRows' | 'headerMissing';

export class SheetFileError extends Error {
  constructor(
    readonly reason: SheetFailure,
    readonly params: Record<string, string | number> = {},
  ) {
    super(reason);
  }
}
