/** The appraisal service: appraiser assignments, rounds, appraisal entries, clarifications and locks. Its actions arrive with their issues; today it joins the bus and owns its database. */
import type { ServiceSchema } from 'moleculer';

export function appraisalService(): ServiceSchema {
  return {
    name: 'appraisal',
  };
}
