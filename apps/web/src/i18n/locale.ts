// Pure locale plumbing (no React) so it can be unit-tested in node and shared by both pages.
import { en } from './en';
import { type MessageKey, type Messages, vi } from './vi';

export type Locale = 'vi' | 'en';

export const DEFAULT_LOCALE: Locale = 'vi';
export const LOCALES: readonly Locale[] = ['vi', 'en'];

/** Language names are shown in their own language so a reader can always find theirs. */
export const LOCALE_NAMES: Record<Locale, string> = {
  vi: 'Tiếng Việt',
  en: 'English',
};

/** BCP 47 tags for `<html lang>`, Intl and the API's Accept-Language header. */
export const LOCALE_TAGS: Record<Locale, string> = { vi: 'vi-VN', en: 'en' };

export const MESSAGES: Record<Locale, Messages> = { vi, en };

const STORAGE_KEY = 'ntm.locale';

export type MessageParams = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en';
}

/** Fills `{name}` placeholders; an unknown placeholder is left visible rather than silently dropped. */
export function formatMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return formatMessage(MESSAGES[locale][key], params);
}

// localStorage can throw (privacy mode, disabled storage); the app must still start in Vietnamese.
export function readStoredLocale(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): Locale {
  try {
    const stored = storage?.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function storeLocale(
  locale: Locale,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembering the choice is acceptable; failing to switch is not.
  }
}
