/**
 * A phase's start or end, picked and typed as a Vietnamese admin writes it (`dd/mm/yyyy HH:mm`),
 * holding the form's Vietnam wall-clock value `YYYY-MM-DDTHH:mm` whatever the browser's zone.
 */
import DatePicker from 'antd/es/date-picker';
import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/vi';

dayjs.extend(customParseFormat);

/** What the admin sees and types. */
export const phaseTimeFormat = 'DD/MM/YYYY HH:mm';
const formValueFormat = 'YYYY-MM-DDTHH:mm';

export interface PhaseTimeInputProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
}

export function PhaseTimeInput({ id, value, onChange, invalid }: PhaseTimeInputProps) {
  // The picker's day is a naive wall-clock day: parsed and formatted without any zone, so the
  // admin's Vietnam time travels unchanged to the form (which converts it to UTC).
  const picked: Dayjs | null = value ? dayjs(value, formValueFormat, true) : null;
  return (
    <DatePicker
      id={id}
      data-testid={id}
      showTime={{ format: 'HH:mm' }}
      format={phaseTimeFormat}
      placeholder="dd/mm/yyyy hh:mm"
      // "Bây giờ" would be the browser's now, not Vietnam's.
      showNow={false}
      needConfirm={false}
      value={picked?.isValid() ? picked : null}
      onChange={(next: Dayjs | null) => onChange(next ? next.format(formValueFormat) : '')}
      status={invalid ? 'error' : undefined}
      aria-invalid={invalid || undefined}
      style={{ width: '100%' }}
    />
  );
}
