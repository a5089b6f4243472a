/** The languages the portal speaks. */
export type Locale = 'vi' | 'en';
