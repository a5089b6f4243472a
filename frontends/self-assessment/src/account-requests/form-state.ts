/** The request form's shape ⇄ the createAccountRequest params. */
import type { CreateAccountRequestParams, RequestableRole } from '@par/contracts';

/** `approver` asks for data entry plus unit approval; `dataEntry` for data entry only. */
export type PersonKind = 'dataEntry' | 'approver';

export interface RequestFormValues {
  unitCode: string;
  people: { fullName: string; email: string; kind: PersonKind }[];
  reason: string;
}

export const emptyPerson = (): RequestFormValues['people'][number] => ({
  fullName: '',
  email: '',
  kind: 'dataEntry',
});

export function initialValues(unitCode: string | null): RequestFormValues {
  return { unitCode: unitCode ?? '', people: [emptyPerson()], reason: '' };
}

export function toParams(values: RequestFormValues): CreateAccountRequestParams {
  return {
    unitCode: values.unitCode,
    reason: values.reason,
    people: values.people.map((person) => ({
      fullName: person.fullName,
      email: person.email,
      roles: (person.kind === 'approver'
        ? ['data-entry', 'unit-approver']
        : ['data-entry']) satisfies RequestableRole[],
    })),
  };
}
