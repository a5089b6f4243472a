/** The question pages' texts (locales/vi.json), filled like the rest of the public page's. */
import { textsOf } from '../standalone/texts';
import vi from './locales/vi.json';

export const qt = textsOf(vi);
