/** The shell's texts, under the `shell` namespace. */
import { registerCatalog } from '@par/ui';
import en from './locales/en.json';
import vi from './locales/vi.json';

export const shellNamespace = 'shell';
registerCatalog(shellNamespace, { vi, en });
