/** Actions of the assessment service on periods, phases, deadlines and progress (issue 5). */

export const periodActions = {};
