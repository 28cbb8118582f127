import { GraphQLRequestError } from '@ntm/graphql-client';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/locale';
import { describeSaveFailure } from './save-failure';

const tVi = (key: Parameters<typeof translate>[1]) => translate('vi', key);
const tEn = (key: Parameters<typeof translate>[1]) => translate('en', key);

describe('describeSaveFailure', () => {
  it("shows the server's own message in the language it was asked in", () => {
    const failure = {
      kind: 'input',
      code: 'PLAN_LOCKED',
      message: 'Kế hoạch đã khóa (chi tiết)',
      locale: 'vi',
    } as const;
    expect(describeSaveFailure(failure, 'vi', tVi)).toBe('Kế hoạch đã khóa (chi tiết)');
  });

  it('renders the stable code in the new language after a language switch', () => {
    const failure = {
      kind: 'input',
      code: 'PLAN_LOCKED',
      message: 'Kế hoạch đã khóa',
      locale: 'vi',
    } as const;
    expect(describeSaveFailure(failure, 'en', tEn)).toBe('The plan is locked and cannot be edited');
  });

  it('explains network failures in the UI language', () => {
    const error = new GraphQLRequestError([{ message: 'x', extensions: { code: 'NETWORK_ERROR' } }], 0);
    expect(describeSaveFailure({ kind: 'request', error }, 'vi', tVi)).toMatch(/Không kết nối được máy chủ/);
    expect(describeSaveFailure({ kind: 'request', error: new Error('boom') }, 'en', tEn)).toBe(
      'Something unexpected went wrong.',
    );
  });
});
