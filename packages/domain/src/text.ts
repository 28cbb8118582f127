// Planners type commune names with or without diacritics ("Luc Son", "lục sơn"); search must treat
// them as equal. `đ` is a separate letter, not d + mark, so NFD alone does not fold it.
export function toSearchKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * `key` must already be a search key (precomputed once per row); the query is folded here.
 * Words match as substrings so results narrow while the planner is still typing ("luc s").
 */
export function matchesSearch(key: string, query: string): boolean {
  const words = toSearchKey(query).split(' ');
  return words.every((word) => key.includes(word));
}
