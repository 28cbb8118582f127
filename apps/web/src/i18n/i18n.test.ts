import { describe, expect, it } from 'vitest';
import { en } from './en';
import {
  DEFAULT_LOCALE,
  formatMessage,
  LOCALES,
  MESSAGES,
  readStoredLocale,
  storeLocale,
  translate,
} from './locale';
import { vi } from './vi';

function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    data,
  };
}

describe('messages', () => {
  it('has every key in both languages and no extra keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('has no empty message in any language', () => {
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(MESSAGES[locale])) {
        expect(text.trim(), `${locale}:${key}`).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(placeholdersOf(en[key]), key).toEqual(placeholdersOf(vi[key]));
    }
  });

  it('shows the product title in Vietnamese by default', () => {
    expect(DEFAULT_LOCALE).toBe('vi');
    expect(translate('vi', 'app.title')).toBe('NTM Planner — Lập kế hoạch vốn nông thôn mới');
  });
});

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('{funded}/{total}', { funded: 3, total: 7 })).toBe('3/7');
    expect(formatMessage('{funded}/{total}', { funded: 3 })).toBe('3/{total}');
  });
});

describe('stored locale', () => {
  it('falls back to Vietnamese when nothing or something unknown is stored', () => {
    expect(readStoredLocale(memoryStorage())).toBe('vi');
    expect(readStoredLocale(memoryStorage({ 'ntm.locale': 'fr' }))).toBe('vi');
    expect(readStoredLocale(undefined)).toBe('vi');
  });

  it('remembers the chosen locale', () => {
    const storage = memoryStorage();
    storeLocale('en', storage);
    expect(readStoredLocale(storage)).toBe('en');
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readStoredLocale(broken)).toBe('vi');
    expect(() => storeLocale('en', broken)).not.toThrow();
  });
});
