/**
 * The account forms' shape ⇄ the accounts contracts, validated by the contract schemas (the
 * rules are never restated here; the server checks them again), and the hand-over sheet.
 */
import { CreateAccountsParams, formatMessage, isMessageKey } from '@par/contracts';
import type { AccountRole, IssuedAccount, Locale } from '@par/contracts';
import type { FieldErrors, Resolver } from 'react-hook-form';

/** Accounts for one unit, or for every unit of a unit group. */
export type AccountTarget = 'unit' | 'group';

export interface AccountFormValues {
  target: AccountTarget;
  unitCode: string | null;
  unitGroup: string | null;
  roles: AccountRole[];
  username: string;
  firstName: string;
  lastName: string;
  email: string;
}

export const accountFormFields = [
  'target',
  'unitCode',
  'unitGroup',
  'roles',
  'username',
  'firstName',
  'lastName',
  'email',
] as const;

export const emptyAccountForm: AccountFormValues = {
  target: 'unit',
  unitCode: null,
  unitGroup: null,
  roles: ['data-entry'],
  username: '',
  firstName: '',
  lastName: '',
  email: '',
};

export function toCreateAccountsParams(values: AccountFormValues): CreateAccountsParams {
  const oneUnit = values.target === 'unit';
  return {
    unitCodes: oneUnit && values.unitCode ? [values.unitCode] : [],
    unitGroup: oneUnit ? null : values.unitGroup,
    roles: values.roles,
    // A chosen username and personal details only make sense for one account.
    username: oneUnit ? values.username.trim() || null : null,
    firstName: oneUnit ? values.firstName.trim() || null : null,
    lastName: oneUnit ? values.lastName.trim() || null : null,
    email: oneUnit ? values.email.trim() || null : null,
  };
}

/** The API's field names → the form's (`unitCodes` is the unit select; `roles.0` the roles). */
export function toAccountFormField(apiField: string): string {
  const top = apiField.split('.')[0] ?? apiField;
  return top === 'unitCodes' ? 'unitCode' : top;
}

export function accountFormResolver(
  locale: () => Locale,
  invalidMessage: () => string,
): Resolver<AccountFormValues> {
  return (values) => {
    const result = CreateAccountsParams.safeParse(toCreateAccountsParams(values));
    if (result.success) return { values, errors: {} };
    const errors: FieldErrors<AccountFormValues> = {};
    for (const issue of result.error.issues) {
      let name = toAccountFormField(String(issue.path[0] ?? '')) as keyof AccountFormValues;
      if (name === 'unitCode' && values.target === 'group') name = 'unitGroup';
      if (!(accountFormFields as readonly string[]).includes(name) || errors[name]) continue;
      const message = isMessageKey(issue.message)
        ? formatMessage(issue.message, {}, locale())
        : invalidMessage();
      errors[name] = { type: 'validation', message };
    }
    return { values: {}, errors };
  };
}

/**
 * The hand-over sheet: one row per issued account with its temporary password. UTF-8 with a
 * byte-order mark, so Excel shows Vietnamese names correctly; CRLF line ends as RFC 4180 says.
 */
export function handoverCsv(
  issued: readonly IssuedAccount[],
  header: readonly [string, string, string, string, string, string],
  unitName: (code: string) => string | undefined,
): string {
  const rows = [
    header,
    // The unit's name comes last so that sheets read by position keep their first five columns.
    ...issued.map(({ account, temporaryPassword }) => [
      account.unit ?? '',
      account.username,
      temporaryPassword,
      account.roles.join(' '),
      [account.lastName, account.firstName].filter(Boolean).join(' '),
      (account.unit && unitName(account.unit)) ?? '',
    ]),
  ];
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  // A leading = + - @ would make Excel run the cell as a formula.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
