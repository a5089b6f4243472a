/**
 * The parameter rules the survey's actions share — questionnaires, campaigns, consultations and
 * questions: a record's id, a required text, a citizen's optional name, who may act on a unit's
 * records. Each refuses with the message key it is given, as the schema it replaced did.
 */
import { z } from 'zod';
import type { MessageKey } from './errors';

/** A record's id as the service makes them (24 hex digits): anything else names none, `key`. */
export const surveyRecordId = (key: MessageKey) =>
  z
    .string({ error: key })
    .trim()
    .regex(/^[0-9a-f]{24}$/, { error: key });

/** A text that must be given, trimmed, of at most `max` characters: `key` when not. */
export const requiredText = (key: MessageKey, max: number) =>
  z.string({ error: key }).trim().min(1, { error: key }).max(max, { error: key });

/** What a citizen types as their name with a comment or a question; null when left empty. */
export const CitizenName = z
  .string({ error: 'survey.comment.name' })
  .trim()
  .max(100, { error: 'survey.comment.name' })
  .nullable()
  .default(null)
  .transform((name) => (name === '' ? null : name));

/** The admin, or a unit's officers for their own unit (`unit-approver`s hold data-entry too). */
export const unitOrAdmin = ['admin', 'data-entry'] as const;
