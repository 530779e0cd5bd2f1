import assert from 'node:assert/strict';
import { columnWidths, displayWidth, reportGrid, reportLayout } from '../../../service/domain/report/layout.ts';
import { reportOf } from './rows.ts';

describe('weekly report layout (shared by the xlsx and the add-in)', () => {
  const empty = reportOf('2026-W20', '2026-05-17', {});

  it('lays out every section even for an empty bureau, saying when a list has nothing', () => {
    const layout = reportLayout(empty);
    assert.deepEqual(
      layout.blocks.map((block) => block.caption),
      [
        '一、各团队收结案情况',
        '二、流程节点',
        '三、繁简分流',
        '四、案款',
        '五、强制措施与惩戒',
        '六、归档',
        '七、超期节点清单（截至 2026-05-17，共 0 项）',
        '说明',
      ],
    );
    const grid = reportGrid(layout);
    const overdueHeader = grid.headerRows[6];
    assert.deepEqual(
      grid.rows[overdueHeader + 1].map((cell) => cell.value),
      ['（无）'],
    );
    assert.deepEqual(
      layout.blocks[0].rows[0].map((cell) => cell.value),
      ['速执团队', 0, 0, 0, 0, 0, '—', '—'],
    );
    assert.deepEqual(
      layout.blocks[2].rows.map((row) => row.map((cell) => cell.value)),
      [
        ['合计', '', 0],
        ['其中：分流调整', '', 0],
      ],
    );
  });

  it('lays out an overdue list of 200,000 nodes without running out of stack', () => {
    const item = {
      ledger: '执行案件流转台账',
      caseNo: '（2026）豫0102执1号',
      node: '执行通知',
      dueOn: '2026-03-12',
      daysOverdue: 66,
      team: '速执团队',
      handler: '王法官',
    };
    const grid = reportGrid(reportLayout({ ...empty, overdue: Array.from({ length: 200_000 }, () => item) }));
    assert.ok(grid.rows.length > 200_000);
    assert.equal(columnWidths(grid).length, grid.width);
  });

  it('counts a CJK character as two columns, one outside the BMP as one character, anything else as one column', () => {
    assert.equal(displayWidth('王法官 A1'), 9);
    assert.equal(displayWidth('𠮷野家'), 6);
    assert.equal(displayWidth('\uD842x'), 3, 'a lone surrogate is one wide character');
    assert.equal(displayWidth(''), 0);
  });
});
