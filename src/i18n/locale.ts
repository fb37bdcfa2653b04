/** Supported locales. nl is the default: the product is for Dutch regions. */
export type Locale = 'nl' | 'en';
export const DEFAULT_LOCALE: Locale = 'nl';
export const LOCALES: readonly Locale[] = ['nl', 'en'];

/** BCP 47 tags for Intl formatting. */
export const INTL_TAG: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

export const asLocale = (value: string | null | undefined): Locale =>
  value && value.toLowerCase().startsWith('en') ? 'en' : 'nl';

/** A message in both languages; every user-visible string is one of these. */
export interface Msg {
  nl: string;
  en: string;
}
