import assert from 'node:assert/strict';
import { keepAsText, storedCellValue, systemCellValue } from '../../../addin/sheet/cell-values.ts';
import { civilDateToSerial } from '../../../client/excel-dates.ts';
import { mapHeaderRow } from '../../../addin/sheet/header-mapping.ts';
import { positionRuns, templateLayout } from '../../../addin/sheet/layout.ts';
import { buildWriteBlocks, type RowWrite } from '../../../addin/sheet/write-blocks.ts';
import { LEDGER, ROW_ID, result } from './fixtures.ts';

describe('add-in: the blocks a sync writes', () => {
  const layout = templateLayout(LEDGER);

  it('writes a full sync of a template as one 2-D block of 行ID, 版本 and system columns', () => {
    const writes = new Map<number, RowWrite>(
      [0, 1, 2].map((position) => [position, { kind: 'result', result: result(position + 1, { rev: position + 1 }) }]),
    );
    const blocks = buildWriteBlocks(layout, writes);
    assert.equal(blocks.length, 1);
    assert.deepEqual([blocks[0].row, blocks[0].column, blocks[0].values.length, blocks[0].values[0].length], [0, 5, 3, 7]);
    assert.deepEqual(blocks[0].values[1], [ROW_ID(2), 2, '速执团队', civilDateToSerial('2026-03-12'), 3, '临期', '']);
  });

  it('never writes a clerk column, wherever the system columns are', () => {
    const scattered = mapHeaderRow(LEDGER, ['预警', '案号', '立案日期', '被执行人', '行ID', '版本', '承办团队']).layout;
    const blocks = buildWriteBlocks(scattered, new Map([[4, { kind: 'result', result: result(1) }]]));
    assert.deepEqual(
      blocks.map((block) => [block.column, block.values[0].length]),
      [
        [0, 1],
        [4, 3],
      ],
    );
    const written = new Set(blocks.flatMap((block) => block.values[0].map((_, offset) => block.column + offset)));
    for (const clerk of [1, 2, 3]) assert.equal(written.has(clerk), false);
  });

  it('writes scattered rows of an automatic sync as runs, blank rows emptied, conflicts only in 校验意见', () => {
    assert.deepEqual(positionRuns([7, 2, 3, 9, 8]), [
      { start: 2, end: 3 },
      { start: 7, end: 9 },
    ]);
    const writes = new Map<number, RowWrite>([
      [2, { kind: 'result', result: result(1) }],
      [3, { kind: 'clear' }],
      [6, { kind: 'conflict', message: '冲突' }],
    ]);
    const blocks = buildWriteBlocks(layout, writes);
    assert.deepEqual(
      blocks.map((block) => [block.row, block.column, block.values.length]),
      [
        [2, 5, 2],
        [6, 11, 1],
      ],
    );
    assert.deepEqual(blocks[0].values[1], ['', '', '', '', '', '', '']);
    assert.deepEqual(blocks[1].values, [['冲突']]);
  });

  it('writes dates as Excel serials and keeps text that Excel would turn into something else', () => {
    assert.equal(civilDateToSerial('1900-03-01'), 61);
    assert.equal(civilDateToSerial('2026-03-12'), 46093);
    assert.equal(systemCellValue('date', '2026-03-12'), 46093);
    assert.equal(systemCellValue('datetime', '2026-03-12 18:00'), 46093.75);
    assert.equal(systemCellValue('text', '=HYPERLINK("x")'), '\'=HYPERLINK("x")');
    assert.equal(systemCellValue('integer', null), '');
    assert.equal(keepAsText('410102199001011234'), "'410102199001011234", 'an identity number keeps all 18 digits');
    assert.equal(keepAsText('张三'), '张三');
    assert.equal(storedCellValue(46000), 46000);
  });

  it('writes a clerk’s or the service’s text that reads as a formula with an apostrophe, without characters XML cannot hold', () => {
    for (const text of [' =1+1', '\t=cmd', '\r\n@SUM', '＝1+1', '＋1', '－1', '＠x']) {
      assert.equal(storedCellValue(text), `'${text}`, JSON.stringify(text));
      assert.equal(systemCellValue('text', text), `'${text}`, JSON.stringify(text));
      assert.equal(systemCellValue('date', text), `'${text}`, JSON.stringify(text));
    }
    assert.equal(storedCellValue('李\uFFFE四\uFFFF'), '李四');
    assert.equal(systemCellValue('text', '＝\uFFFE'), "'＝");
    assert.equal(storedCellValue('邮箱 a@b.cn'), '邮箱 a@b.cn');
  });
});
