/** The «Hỏi đáp» screens' texts, under their own namespace in the portal's shared i18next. */
import { registerCatalog } from '@par/ui';
import en from './locales/en.json';
import vi from './locales/vi.json';

export const ns = 'questionUi';
registerCatalog(ns, { vi, en });
