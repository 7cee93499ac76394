/** Ordering of rows that point at each other, so that every insert finds its parent. */

/**
 * Rows ordered so that each parent comes before its children; rows of equal depth keep their
 * order. A cycle (which the sources should never hold) cannot loop: depth stops at the count.
 *
 * Example: [{id: "b", parent_id: "a"}, {id: "a", parent_id: null}] becomes a, then b.
 */
export function parentsFirst<T extends { id: string; parent_id?: string | null }>(rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const depthOf = (row: T): number => {
    let depth = 0;
    for (let at = row; at.parent_id && depth < rows.length; depth++) {
      const parent = byId.get(at.parent_id);
      if (!parent) break;
      at = parent;
    }
    return depth;
  };
  return rows
    .map((row, index) => ({ row, index, depth: depthOf(row) }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index)
    .map(({ row }) => row);
}
