/**
 * A number field on the browser's own number input: antd's InputNumber is not in the portal's
 * shared antd subset, and the native input keeps the keyboard's arrows and the phone's keypad.
 */
import { Input } from 'antd';

export interface NumberInputProps {
  id: string;
  value: number | null | undefined;
  onChange: (value: number | undefined) => void;
  min?: number;
  max?: number;
  /** Whole numbers only (the step of the arrows is 1 either way). */
  integer?: boolean;
  testId?: string;
}

export function NumberInput({ id, value, onChange, min, max, integer, testId }: NumberInputProps) {
  return (
    <Input
      id={id}
      data-testid={testId ?? id}
      type="number"
      inputMode={integer ? 'numeric' : 'decimal'}
      min={min}
      max={max}
      step={integer ? 1 : 'any'}
      value={value ?? ''}
      style={{ width: 160 }}
      onChange={(event) => {
        const text = event.target.value.trim();
        const parsed = Number(text);
        onChange(text === '' || !Number.isFinite(parsed) ? undefined : parsed);
      }}
    />
  );
}
