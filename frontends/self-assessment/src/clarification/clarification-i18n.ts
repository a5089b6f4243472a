/**
 * The clarification page's texts, merged into the self-assessment remote's namespace under
 * `clarification.*` from this folder, and loaded with the page (not on the remote's first path).
 */
import { registerCatalog } from '@par/ui';
import { ns } from '../i18n';
import en from './locales/en.json';
import vi from './locales/vi.json';

registerCatalog(ns, { vi, en });
export { ns };
