/** Whose questions a screen manages: every unit's (the admin), or the officer's own unit's. */
export type QuestionScope =
  | { kind: 'all' }
  /** The unit from the officer's verified token (null: the account belongs to no unit). */
  | { kind: 'ownUnit'; unitCode: string | null };
