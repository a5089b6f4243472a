/** This remote's texts, under its own namespace in the portal's shared i18next; each feature adds its own catalog. */
import { registerCatalog } from '@par/ui';
import en from './locales/en.json';
import vi from './locales/vi.json';
import criteriaSetsEn from './criteria-sets/locales/en.json';
import criteriaSetsVi from './criteria-sets/locales/vi.json';
import periodsEn from './periods/locales/en.json';
import periodsVi from './periods/locales/vi.json';
import assignmentsEn from './assignments/locales/en.json';
import assignmentsVi from './assignments/locales/vi.json';
import appraisalProgressEn from './appraisal-progress/locales/en.json';
import appraisalProgressVi from './appraisal-progress/locales/vi.json';
import resultsEn from './results/locales/en.json';
import resultsVi from './results/locales/vi.json';
import surveysEn from './surveys/locales/en.json';
import surveysVi from './surveys/locales/vi.json';
import consultationsEn from './consultations/locales/en.json';
import consultationsVi from './consultations/locales/vi.json';

export const ns = 'admin';
registerCatalog(ns, { vi, en });
registerCatalog(ns, { vi: criteriaSetsVi, en: criteriaSetsEn });
registerCatalog(ns, { vi: periodsVi, en: periodsEn });
registerCatalog(ns, { vi: assignmentsVi, en: assignmentsEn });
registerCatalog(ns, { vi: appraisalProgressVi, en: appraisalProgressEn });
registerCatalog(ns, { vi: resultsVi, en: resultsEn });
registerCatalog(ns, { vi: surveysVi, en: surveysEn });
registerCatalog(ns, { vi: consultationsVi, en: consultationsEn });
