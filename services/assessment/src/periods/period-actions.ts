/** The assessment service's actions on periods, phases, deadlines and progress, bound to its database. */
import type { ServiceSchema } from 'moleculer';
import type { Connection } from 'mongoose';

export function periodActionHandlers(_db: Connection): NonNullable<ServiceSchema['actions']> {
  return {};
}
