// A ledger's own word for where a row stands (its `phase`), read off the state of the node that
// governs the row: e.g. a detention's release node 正常 → 在押, 临期 → 临期释放, 超期 → 应释放未释放.

import type { NodeResult } from './ledger.ts';

export interface PhaseWords {
  /** The node is open with time to spare (正常). */
  open: string;
  /** The node is open and due soon (临期). */
  dueSoon: string;
  /** The node is open past its due date (超期). */
  overdue: string;
  /** The node is done, on time or late. */
  done: string;
}

/** null when the row has no such node yet (e.g. the anchor date is not filled in). */
export function phaseFromNode(node: NodeResult | undefined, words: PhaseWords): string | null {
  if (!node) return null;
  switch (node.state) {
    case '正常':
      return words.open;
    case '临期':
      return words.dueSoon;
    case '超期':
      return words.overdue;
    case '已完成':
    case '超期完成':
      return words.done;
  }
}
