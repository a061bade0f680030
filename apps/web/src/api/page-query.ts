/** `limit` and `offset` of a paged list, from a page size and the number of rows to skip. */
export function pageQuery(limit: number, offset = 0): { limit: number; offset: number } {
  return { limit, offset };
}
