/**
 * A long text of an entry (explanation, reason, question): line breaks kept, a counter up to the
 * contract's limit. Memoised, so typing a score does not redraw the leaf's text areas.
 */
import { memo } from 'react';
import { Flex, Input } from 'antd';
import { ENTRY_EXPLANATION_MAX_LENGTH } from '@par/contracts';

export interface LongTextFieldProps<F extends string> {
  id: string;
  label: string;
  /** The draft's field it edits; changes come back as `{ [field]: text }`. */
  field: F;
  value: string;
  disabled: boolean;
  minRows: number;
  /** Characters allowed (default: the contract's limit of an explanation). */
  maxLength?: number;
  /** Marks the field as required to screen readers. */
  required?: boolean;
  status?: 'error';
  /** Marks the field as the leaf's first input (and the page's, for `data-first-input`). */
  leafInput?: boolean;
  first?: boolean;
  onChange: (change: Partial<Record<F, string>>) => void;
}

function LongTextFieldInner<F extends string>({
  id,
  label,
  field,
  value,
  disabled,
  minRows,
  leafInput = false,
  first = false,
  maxLength = ENTRY_EXPLANATION_MAX_LENGTH,
  required = false,
  status,
  onChange,
}: LongTextFieldProps<F>) {
  return (
    <Flex vertical gap={4}>
      <label htmlFor={id}>{label}</label>
      <Input.TextArea
        id={id}
        data-leaf-input={leafInput ? '' : undefined}
        {...(first ? { 'data-first-input': '' } : {})}
        value={value}
        disabled={disabled}
        autoSize={{ minRows, maxRows: 12 }}
        maxLength={maxLength}
        showCount
        aria-required={required || undefined}
        status={status}
        onChange={(event) =>
          onChange({ [field]: event.target.value } as Partial<Record<F, string>>)
        }
      />
    </Flex>
  );
}

export const LongTextField = memo(LongTextFieldInner) as typeof LongTextFieldInner;
