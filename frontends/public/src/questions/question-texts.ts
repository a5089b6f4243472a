/** The question pages' texts (locales/vi.json), filled like the rest of the public page's. */
import { textsOf } from '../standalone/texts';
import vi from './locales/vi.json';

export const qt = textsOf(vi);

const hoursFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** Hours as the service sends them (one decimal), in vi-VN: `2,5`. */
export const formatHours = (hours: number): string => hoursFormat.format(hours);
