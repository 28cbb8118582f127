import { describe, expect, it } from 'vitest';
import { matchesSearch, toSearchKey } from './text.ts';

describe('toSearchKey', () => {
  it('strips Vietnamese diacritics and lower-cases', () => {
    expect(toSearchKey('Lục Sơn')).toBe('luc son');
    expect(toSearchKey('Vô Tranh')).toBe('vo tranh');
    expect(toSearchKey('Thủy lợi và phòng, chống thiên tai')).toBe('thuy loi va phong, chong thien tai');
  });

  it('folds đ and Đ to d, which NFD does not decompose', () => {
    expect(toSearchKey('Đồi Ngô')).toBe('doi ngo');
    expect(toSearchKey('Điện')).toBe('dien');
  });

  it('collapses and trims whitespace, including tabs and non-breaking spaces', () => {
    expect(toSearchKey('  Bắc \t Lũng\u00a0 ')).toBe('bac lung');
  });

  it('gives the same key for precomposed and decomposed input', () => {
    expect(toSearchKey('Lục Sơn'.normalize('NFC'))).toBe(toSearchKey('Lục Sơn'.normalize('NFD')));
  });
});

describe('matchesSearch', () => {
  const key = toSearchKey('Xã Lục Sơn');

  it('matches when every query word appears, in any order and without diacritics', () => {
    expect(matchesSearch(key, 'son luc')).toBe(true);
    expect(matchesSearch(key, 'LỤC')).toBe(true);
  });

  it('matches a word still being typed', () => {
    expect(matchesSearch(key, 'luc s')).toBe(true);
  });

  it('fails when any query word is missing', () => {
    expect(matchesSearch(key, 'luc nam')).toBe(false);
  });

  it('matches everything for an empty query', () => {
    expect(matchesSearch(key, '   ')).toBe(true);
  });
});
