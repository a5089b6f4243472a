/**
 * An explanation field: line breaks kept, a counter up to the contract's limit. Memoised, so
 * typing a score does not redraw the leaf's text areas.
 */
import { memo } from 'react';
import { Flex, Input } from 'antd';
import { ENTRY_EXPLANATION_MAX_LENGTH } from '@par/contracts';
import type { EntryDraft } from './form-state';

export interface LongTextFieldProps {
  id: string;
  label: string;
  field: 'explanation' | 'missingEvidenceExplanation';
  value: string;
  disabled: boolean;
  minRows: number;
  /** Marks the field as the leaf's first input (and the page's, for `data-first-input`). */
  leafInput?: boolean;
  first?: boolean;
  onChange: (change: Partial<EntryDraft>) => void;
}

export const LongTextField = memo(function LongTextField({
  id,
  label,
  field,
  value,
  disabled,
  minRows,
  leafInput = false,
  first = false,
  onChange,
}: LongTextFieldProps) {
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
        maxLength={ENTRY_EXPLANATION_MAX_LENGTH}
        showCount
        onChange={(event) => onChange({ [field]: event.target.value })}
      />
    </Flex>
  );
});
