import assert from 'node:assert/strict';
import type { NodeResult, NodeState } from '../../service/domain/ledger.ts';
import { phaseFromNode } from '../../service/domain/phases.ts';

const WORDS = { open: '在押', dueSoon: '临期释放', overdue: '应释放未释放', done: '已释放' };
const node = (state: NodeState): NodeResult => ({
  id: 'release',
  name: '期满释放',
  dueOn: '2026-03-19',
  doneOn: null,
  state,
  daysLeft: 0,
  basis: '',
  steps: '',
});

describe('phaseFromNode', () => {
  it("maps each node state to the ledger's own word", () => {
    const states: NodeState[] = ['正常', '临期', '超期', '已完成', '超期完成'];
    assert.deepEqual(
      states.map((state) => phaseFromNode(node(state), WORDS)),
      ['在押', '临期释放', '应释放未释放', '已释放', '已释放'],
    );
  });

  it('is null when the row has no such node yet', () => {
    assert.equal(phaseFromNode(undefined, WORDS), null);
  });
});
