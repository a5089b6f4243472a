/** Events the assessment service emits. */

export const assessmentEvents = {};
