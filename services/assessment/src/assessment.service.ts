/** The assessment service: indices, criteria sets, periods and phases, self-assessments and integrations (issue 5 onwards). Its actions arrive with their issues; today it joins the bus and owns its database. */
import type { ServiceSchema } from 'moleculer';

export function assessmentService(): ServiceSchema {
  return {
    name: 'assessment',
  };
}
