/** The assessment service's actions on indices and criteria sets, bound to its database. */
import type { ServiceSchema } from 'moleculer';
import type { Connection } from 'mongoose';

export function criteriaSetActionHandlers(_db: Connection): NonNullable<ServiceSchema['actions']> {
  return {};
}
