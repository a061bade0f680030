/**
 * `limit` and `offset` of a paged list. The OpenAPI document currently types the reporting API's PageQuery fields
 * as objects (its DTO gives them defaults but no `type: Number`); they are numbers on the wire. Once the document is
 * fixed the cast is harmless and this can become a plain object.
 */
export function pageQuery(limit: number, offset = 0): { limit: never; offset: never } {
  return { limit, offset } as unknown as { limit: never; offset: never };
}
