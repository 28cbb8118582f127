import type { KeysetPage } from '@ntm/db';
import { type DefaultConnectionArguments, resolveCursorConnection } from '@pothos/plugin-relay';

export const PAGE = { defaultSize: 50, maxSize: 500 } as const;

/**
 * Keyset pagination over rows ordered by a numeric id: cursors are the id, so pages stay
 * stable while rows are added. `load` gets the bounds and the limit (+1 for hasNextPage).
 */
export function resolveIdConnection<T extends { id: number }>(
  args: DefaultConnectionArguments,
  load: (page: KeysetPage) => Promise<T[]>,
) {
  return resolveCursorConnection<Promise<T[]>>(
    { args, toCursor: (row) => String(row.id), ...PAGE },
    ({ after, before, limit, inverted }) =>
      load({
        afterId: after === undefined ? undefined : Number(after) || 0,
        beforeId: before === undefined ? undefined : Number(before) || 0,
        limit,
        descending: inverted,
      }),
  );
}
