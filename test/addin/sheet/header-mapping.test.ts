import assert from 'node:assert/strict';
import { findHeaderRow, mapHeaderRow, normalizeHeader } from '../../../addin/sheet/header-mapping.ts';
import { LEDGER } from './fixtures.ts';

describe('add-in: mapping a sheet’s headers to a ledger (接管现有表格)', () => {
  it('matches headers by name and alias, ignoring spaces, required marks and bracket widths', () => {
    assert.equal(normalizeHeader(' 执行标的额(元) *'), normalizeHeader('执行标的额（元）'));
    const report = mapHeaderRow(LEDGER, ['执行案号', '立案 时间', '*被执行人', '执行标的额(元)']);
    assert.deepEqual(
      report.layout.slots.map((slot) => (slot.kind === 'input' ? slot.column.id : slot.kind)),
      ['caseNo', 'filedOn', 'respondent', 'amount'],
    );
    assert.equal(report.mappedInputs, 4);
  });

  it('reports unmapped headers, duplicates, missing required, optional and system columns', () => {
    const report = mapHeaderRow(LEDGER, ['案号', '备注', '执行案号', '', '预警']);
    assert.deepEqual(report.unmapped, ['备注']);
    assert.deepEqual(
      report.duplicates.map((duplicate) => duplicate.header),
      ['执行案号'],
    );
    assert.deepEqual(
      report.missingRequired.map((column) => column.header),
      ['立案日期', '被执行人'],
    );
    assert.deepEqual(
      report.missingOptional.map((column) => column.header),
      ['执行标的额（元）', '承办人'],
    );
    assert.deepEqual(
      report.missingSystem.map((column) => column.header),
      ['承办团队', '节点期限', '剩余天数', '校验意见'],
    );
    assert.equal(report.layout.slots[4].kind, 'system', 'a system column the clerk already has is used');
    assert.deepEqual([report.hasRowId, report.hasRev], [false, false]);
  });

  it('recognises the hidden 行ID and 版本 columns', () => {
    const report = mapHeaderRow(LEDGER, ['案号', '行ID', '版本']);
    assert.deepEqual([report.hasRowId, report.hasRev], [true, true]);
    assert.deepEqual(
      report.layout.slots.map((slot) => slot.kind),
      ['input', 'rowId', 'rev'],
    );
  });

  it('finds the header below a title row, and refuses a sheet that is not that ledger', () => {
    const rows = [
      ['2026年执行案件登记表', '', ''],
      ['', '', ''],
      ['执行案号', '立案时间', '被执行人'],
      ['（2026）豫0102执1号', 46000, '张三'],
    ];
    const found = findHeaderRow(LEDGER, rows);
    assert.equal(found?.rowIndex, 2);
    assert.equal(
      findHeaderRow(LEDGER, [
        ['姓名', '电话', '地址'],
        ['张三', '123', '郑州'],
      ]),
      null,
    );
    assert.equal(findHeaderRow(LEDGER, [['案号', '姓名']]), null, 'one matching column is not enough');
  });
});
