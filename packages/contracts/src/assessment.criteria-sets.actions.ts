/** Actions of the assessment service on indices and criteria sets (issue 5). */

export const criteriaSetActions = {};
