import assert from 'node:assert/strict';
import { templateLayout } from '../../../addin/sheet/layout.ts';
import { marksOf, planMarks, pruneMarks, type Marks } from '../../../addin/sheet/marks.ts';
import { mergeEntries, summarize, type SummaryEntry } from '../../../addin/sheet/summary.ts';
import { ledgerOfTable, sheetNameFor, tableNameFor } from '../../../addin/sheet/table-names.ts';
import { LEDGER, ROW_ID, result } from './fixtures.ts';

const layout = templateLayout(LEDGER);
const TABLE = { key: '7', name: 'Ledger_cases', sheet: '执行案件流转台账' };

describe('add-in: error marks, the summary and table names', () => {
  it('marks error-level problems on clerk columns, one message per cell', () => {
    const marks = marksOf(
      layout,
      result(1, {
        errors: [
          { column: 'caseNo', level: 'error', message: '案号无效' },
          { column: 'caseNo', level: 'error', message: '案号重复' },
          { column: 'filedOn', level: 'warning', message: '只是提示' },
          { column: 'unknown', level: 'error', message: '未知列' },
        ],
      }),
    );
    assert.deepEqual(marks, { caseNo: '案号无效；案号重复' });
  });

  it('adds new marks, keeps unchanged ones, removes fixed ones, and leaves rows not synced alone', () => {
    const previous: Marks = {
      [ROW_ID(1)]: { caseNo: { message: '案号无效' }, filedOn: { message: '日期无效' } },
      [ROW_ID(2)]: { respondent: { message: '必填' } },
    };
    const plan = planMarks(previous, layout, [
      result(1, {
        errors: [
          { column: 'caseNo', level: 'error', message: '案号无效' },
          { column: 'respondent', level: 'error', message: '必填' },
        ],
      }),
    ]);
    assert.deepEqual(
      plan.add.map((change) => [change.rowId, change.columnId]),
      [[ROW_ID(1), 'respondent']],
    );
    assert.deepEqual(
      plan.remove.map((change) => change.columnId),
      ['filedOn'],
    );
    assert.deepEqual(plan.keep, { [ROW_ID(1)]: { caseNo: { message: '案号无效' } }, [ROW_ID(2)]: { respondent: { message: '必填' } } });
    assert.deepEqual(
      planMarks(previous, layout, [], [ROW_ID(2)]).remove.map((change) => change.columnId),
      ['respondent'],
      'a blanked row loses its marks',
    );
    assert.deepEqual(Object.keys(pruneMarks(previous, new Set([ROW_ID(2)]))), [ROW_ID(2)]);
  });

  it('counts rows, errors, 临期, 超期 and conflicts, and lists problems conflicts first', () => {
    const entries: SummaryEntry[] = [
      {
        result: result(1, { status: { alert: '超期', nextNode: '执行通知', nextDue: '2026-03-12' } }),
        values: { caseNo: 'A' },
        position: 0,
      },
      {
        result: result(2, { errors: [{ column: 'filedOn', level: 'error', message: '日期无效' }], status: { alert: '临期' } }),
        values: { caseNo: 'B' },
        position: 1,
      },
      {
        result: result(3, { state: 'conflict', rev: 7, values: { caseNo: 'C', handler: '李' } }),
        values: { caseNo: 'C', handler: '王' },
        position: 2,
      },
      {
        result: result(4, { errors: [{ column: 'handler', level: 'warning', message: '提示' }], status: { alert: '正常' } }),
        values: { caseNo: null },
        position: 3,
      },
    ];
    const summary = summarize(LEDGER, TABLE, entries, 1);
    assert.deepEqual(
      [summary.rows, summary.errorRows, summary.warningRows, summary.dueSoon, summary.overdue, summary.conflicts, summary.unplaced],
      [4, 1, 1, 1, 1, 1, 1],
    );
    assert.deepEqual(
      summary.problems.map((item) => [item.kind, item.label, item.columnId]),
      [
        ['conflict', 'C', 'caseNo'],
        ['error', 'B', 'filedOn'],
        ['overdue', 'A', 'alert'],
        ['dueSoon', 'B', 'alert'],
      ],
    );
    assert.equal(summary.problems[0].storedRev, 7);
    assert.equal(summary.problems[2].message, '执行通知超期，期限 2026-03-12');
  });

  it('lays an automatic sync’s rows over the last summary by 行ID', () => {
    const first: SummaryEntry[] = [
      { result: result(1, { status: { alert: '超期' } }), values: { caseNo: 'A' }, position: 0 },
      { result: result(2), values: { caseNo: 'B' }, position: 1 },
    ];
    const merged = mergeEntries(first, [{ result: result(1, { status: { alert: '正常' } }), values: { caseNo: 'A' }, position: 0 }]);
    assert.equal(summarize(LEDGER, TABLE, merged, 0).overdue, 0);
    assert.equal(merged.length, 2);
  });

  it('names tables so the ledger is known again after reopening the workbook', () => {
    assert.equal(tableNameFor('cases', []), 'Ledger_cases');
    assert.equal(tableNameFor('cases', ['ledger_CASES', 'Ledger_cases_2']), 'Ledger_cases_3');
    assert.equal(tableNameFor('person-controls', []), 'Ledger_person_controls');
    const ledgers = [LEDGER, { ...LEDGER, id: 'person-controls' }];
    assert.equal(ledgerOfTable('Ledger_cases_12', ledgers)?.id, 'cases');
    assert.equal(ledgerOfTable('Ledger_person_controls', ledgers)?.id, 'person-controls');
    assert.equal(ledgerOfTable('Table1', ledgers), null);
    assert.equal(sheetNameFor('分案清单/速执团队', []), '分案清单 速执团队');
    assert.equal(sheetNameFor('执行案件流转台账', ['执行案件流转台账']), '执行案件流转台账（2）');
  });
});
