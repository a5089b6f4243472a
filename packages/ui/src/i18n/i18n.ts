/**
 * The portal's one i18next instance (shared as a singleton through Module Federation):
 * Vietnamese by default, English available; each package or remote adds its own namespace.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@par/contracts';
import en from './locales/en.json';
import vi from './locales/vi.json';

export type Language = Locale;
export const languages: readonly Language[] = ['vi', 'en'];
export const defaultLanguage: Language = 'vi';

const storageKey = 'par.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The language shown now, narrowed to the ones the portal has. */
export function currentLanguage(): Language {
  const language = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(language) ? language : defaultLanguage;
}

function storedLanguage(): Language | undefined {
  try {
    const value = globalThis.localStorage?.getItem(storageKey);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Initialises i18next once, in the shell, before anything renders. */
export async function initI18n(language: Language | undefined = storedLanguage()) {
  if (i18next.isInitialized) return i18next;
  await i18next.use(initReactI18next).init({
    lng: language ?? defaultLanguage,
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    ns: ['ui'],
    defaultNS: 'ui',
    resources: { vi: { ui: vi }, en: { ui: en } },
    interpolation: { escapeValue: false },
  });
  const reflect = (lng: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  };
  reflect(i18next.language);
  i18next.on('languageChanged', (lng) => {
    reflect(lng);
    try {
      globalThis.localStorage?.setItem(storageKey, lng);
    } catch {
      // Private mode: the choice simply lasts for this page.
    }
  });
  return i18next;
}

export type Catalog = Record<string, unknown>;

/**
 * Adds a package's or remote's catalog under its own namespace. Safe to call at module load,
 * before or after the shell has initialised i18next.
 */
export function registerCatalog(namespace: string, catalogs: Record<Language, Catalog>): void {
  const add = () => {
    for (const language of languages) {
      i18next.addResourceBundle(language, namespace, catalogs[language], true, true);
    }
  };
  if (i18next.isInitialized) add();
  else i18next.on('initialized', add);
}
