import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_PATH,
  isPlainLeftClick,
  matchRoute,
  PLAN_TABS,
  pathOf,
  planPath,
  USERS_PATH,
} from './routes';

describe('matchRoute', () => {
  it('matches home with and without a trailing slash', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('')).toEqual({ name: 'home' });
  });

  it('matches each plan screen and decodes the plan id', () => {
    for (const screen of PLAN_TABS) {
      expect(matchRoute(`/plans/UGxhbjox/${screen}`)).toEqual({
        name: 'plan',
        planId: 'UGxhbjox',
        screen,
      });
    }
    expect(matchRoute('/plans/UGxhbjox%3D%3D/status/')).toEqual({
      name: 'plan',
      planId: 'UGxhbjox==',
      screen: 'status',
    });
  });

  it('matches the account and user-admin pages', () => {
    expect(matchRoute('/account')).toEqual({ name: 'account' });
    expect(matchRoute('/account/')).toEqual({ name: 'account' });
    expect(matchRoute('/admin/users')).toEqual({ name: 'users' });
    expect(pathOf({ name: 'account' })).toBe(ACCOUNT_PATH);
    expect(pathOf({ name: 'users' })).toBe(USERS_PATH);
  });

  it('sends unknown paths, unknown screens and broken encodings to not-found', () => {
    for (const path of [
      '/plans',
      '/plans/abc',
      '/plans/abc/unknown',
      '/plans/abc/grid/extra',
      '/x',
      '/admin',
      '/admin/users/1',
      '/account/x',
      '/plans/%E0%A4%A/grid',
    ]) {
      expect(matchRoute(path)).toEqual({ name: 'not-found', path });
    }
  });
});

describe('planPath / pathOf', () => {
  it('round-trips every route through its path', () => {
    const ids = ['UGxhbjox', 'a/b=c', 'Kế hoạch 1'];
    for (const planId of ids) {
      for (const screen of PLAN_TABS) {
        const path = planPath(planId, screen);
        expect(matchRoute(path)).toEqual({ name: 'plan', planId, screen });
        expect(pathOf(matchRoute(path))).toBe(path);
      }
    }
    expect(pathOf({ name: 'home' })).toBe('/');
  });

  it('defaults to the grid', () => {
    expect(planPath('UGxhbjox')).toBe('/plans/UGxhbjox/grid');
  });
});

describe('isPlainLeftClick', () => {
  const plain = {
    button: 0,
    metaKey: false,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    defaultPrevented: false,
  };
  it('keeps plain clicks in the app and leaves modified clicks to the browser', () => {
    expect(isPlainLeftClick(plain)).toBe(true);
    expect(isPlainLeftClick({ ...plain, ctrlKey: true })).toBe(false);
    expect(isPlainLeftClick({ ...plain, metaKey: true })).toBe(false);
    expect(isPlainLeftClick({ ...plain, button: 1 })).toBe(false);
    expect(isPlainLeftClick({ ...plain, defaultPrevented: true })).toBe(false);
  });
});
