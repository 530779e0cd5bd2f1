import assert from 'node:assert/strict';
import { columnIndex, columnLetters, parseAddress } from '../../../addin/sheet/addresses.ts';

describe('add-in: cell addresses', () => {
  it('names columns past Z, and reads the names back', () => {
    const indexes = [0, 7, 25, 26, 27, 51, 52, 701, 702];
    assert.deepEqual(indexes.map(columnLetters), ['A', 'H', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    assert.deepEqual(
      indexes.map((index) => columnIndex(columnLetters(index))),
      indexes,
    );
  });

  it('reads a cell, a block and a sheet-qualified block', () => {
    assert.deepEqual(parseAddress('B3'), { sheet: null, row: 2, column: 1, rowCount: 1, columnCount: 1 });
    assert.deepEqual(parseAddress("'周通报 2026-W47'!$A$1:C4"), {
      sheet: '周通报 2026-W47',
      row: 0,
      column: 0,
      rowCount: 4,
      columnCount: 3,
    });
  });

  it('reads whole columns, as column widths are addressed', () => {
    assert.deepEqual(parseAddress('B:D'), { sheet: null, row: 0, column: 1, rowCount: 1_048_576, columnCount: 3 });
  });

  it('refuses what is not an address, in Chinese', () => {
    assert.throws(() => parseAddress('A1:'), /无法识别的单元格地址「A1:」/);
  });
});
