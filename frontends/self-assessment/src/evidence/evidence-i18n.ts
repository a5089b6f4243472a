/**
 * The evidence panel's texts, merged into the self-assessment remote's namespace under
 * `evidence.*` from this folder, so the page's catalog and the panel's change apart.
 */
import { registerCatalog } from '@par/ui';
import { ns } from '../i18n';
import en from './locales/en.json';
import vi from './locales/vi.json';

registerCatalog(ns, { vi, en });
export { ns };
