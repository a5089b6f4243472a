/** The remote's texts (what admins see in the shell), under its own namespace in the portal's i18next. */
import { registerCatalog } from '@par/ui';
import en from './links/locales/en.json';
import vi from './links/locales/vi.json';

export const ns = 'public';
registerCatalog(ns, { vi, en });
