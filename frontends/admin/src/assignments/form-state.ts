/** Converts an assignment between the API's shape and the dialog's form shape. */
import type { Assignment, AssignmentInput } from '@par/contracts';

export interface AssignmentForm {
  name: string;
  appraiserIds: string[];
  criterionCodes: string[];
  kind: 'units' | 'group' | 'subtree';
  unitCodes: string[];
  unitGroup: string;
  rootCode: string;
  includeRoot: boolean;
}

export const emptyAssignmentForm: AssignmentForm = {
  name: '',
  appraiserIds: [],
  criterionCodes: [],
  kind: 'units',
  unitCodes: [],
  unitGroup: '',
  rootCode: '',
  includeRoot: false,
};

export function toForm(assignment: Assignment): AssignmentForm {
  const { units } = assignment;
  return {
    ...emptyAssignmentForm,
    name: assignment.name,
    appraiserIds: assignment.appraisers.map((a) => a.id),
    criterionCodes: assignment.criterionCodes,
    kind: units.kind,
    unitCodes: units.kind === 'units' ? units.unitCodes : [],
    unitGroup: units.kind === 'group' ? units.unitGroup : '',
    rootCode: units.kind === 'subtree' ? units.rootCode : '',
    includeRoot: units.kind === 'subtree' ? units.includeRoot : false,
  };
}

export function toInput(form: AssignmentForm): AssignmentInput {
  return {
    name: form.name.trim(),
    appraiserIds: form.appraiserIds,
    criterionCodes: form.criterionCodes,
    units:
      form.kind === 'units'
        ? { kind: 'units', unitCodes: form.unitCodes }
        : form.kind === 'group'
          ? { kind: 'group', unitGroup: form.unitGroup }
          : { kind: 'subtree', rootCode: form.rootCode, includeRoot: form.includeRoot },
  };
}
