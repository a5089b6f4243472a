/** User-facing texts of the period domain (periods, phases, deadlines, progress). */
import type { Locale } from './locale';

export const periodMessages = {} as const satisfies Record<string, Record<Locale, string>>;
