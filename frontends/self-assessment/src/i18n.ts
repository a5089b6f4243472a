/** This remote's texts, under its own namespace in the portal's shared i18next; each feature adds its own catalog. */
import { registerCatalog } from '@par/ui';
import en from './locales/en.json';
import vi from './locales/vi.json';
import periodsEn from './unit-periods/locales/en.json';
import periodsVi from './unit-periods/locales/vi.json';

export const ns = 'selfAssessment';
registerCatalog(ns, { vi, en });
registerCatalog(ns, { vi: periodsVi, en: periodsEn });
