import assert from 'node:assert/strict';
import { readSpan, templateLayout, writeSpans } from '../../../addin/sheet/layout.ts';
import { fingerprintOfStored, planSync, relocate, sameIds, sheetRows } from '../../../addin/sheet/rows.ts';
import { LEDGER, ROW_ID } from './fixtures.ts';

const layout = templateLayout(LEDGER);
const span = readSpan(layout)!;
/** A read block of the template: 5 clerk columns, then 行ID and 版本. */
const block = (rows: unknown[][]) => rows;

describe('add-in: reading rows and choosing what a sync sends', () => {
  it('lays out a template so that one range is read and one range is written', () => {
    assert.deepEqual(span, { start: 0, end: 6 }, 'clerk columns and 行ID/版本');
    assert.deepEqual(writeSpans(layout), [{ start: 5, end: 11 }], '行ID/版本 and the system columns');
  });

  it('reads values as the service accepts them: empty cells are null, identity from the hidden columns', () => {
    const [row] = sheetRows(layout, span, block([['（2026）豫0102执1号', 46000, '张三', '', '', ROW_ID(1).toUpperCase(), 3]]));
    assert.deepEqual(row.values, { caseNo: '（2026）豫0102执1号', filedOn: 46000, respondent: '张三', amount: null, handler: null });
    assert.equal(row.rowId, ROW_ID(1));
    assert.equal(row.rev, 3);
    assert.equal(row.blank, false);
  });

  it('gives a copied row (same 行ID twice) no identity, so it never overwrites the original', () => {
    const rows = sheetRows(
      layout,
      span,
      block([
        ['A', 1, '甲', '', '', ROW_ID(1), 2],
        ['A', 1, '甲', '', '', ROW_ID(1), 2],
      ]),
    );
    assert.deepEqual(
      rows.map((row) => [row.rowId, row.copiedId]),
      [
        [ROW_ID(1), false],
        [null, true],
      ],
    );
    const plan = planSync(rows, { kind: 'all' });
    assert.deepEqual(
      plan.entries.map((entry) => entry.request.rowId),
      [ROW_ID(1), undefined],
    );
  });

  it('sends every non-blank row on 同步本表 and clears blank rows', () => {
    const rows = sheetRows(
      layout,
      span,
      block([
        ['A', 1, '甲', '', '', '', ''],
        ['', '', '', '', '', ROW_ID(2), 1],
        ['B', 2, '乙', '', '', ROW_ID(3), 4],
      ]),
    );
    const plan = planSync(rows, { kind: 'all' });
    assert.deepEqual(
      plan.entries.map((entry) => entry.position),
      [0, 2],
    );
    assert.deepEqual(plan.entries[1].request, {
      rowId: ROW_ID(3),
      rev: 4,
      values: { caseNo: 'B', filedOn: 2, respondent: '乙', amount: null, handler: null },
    });
    assert.deepEqual(plan.blank, [1]);
  });

  it('names a row unchanged since it was answered ok by 行ID and version on 同步本表, and sends the others whole', () => {
    const rows = sheetRows(
      layout,
      span,
      block([
        ['A', 1, '甲', '', '', ROW_ID(1), 2],
        ['B', 2, '乙', '', '', ROW_ID(2), 5],
        ['C', 3, '丙', '', '', ROW_ID(3), 1],
        ['D', 4, '丁', '', '', '', ''],
      ]),
    );
    // Row 1 as answered ok; row 2 answered ok but edited since; row 3 last answered with an error.
    const answeredOk = new Map([
      [ROW_ID(1), rows[0].fingerprint],
      [ROW_ID(2), 'an earlier fingerprint'],
    ]);
    const plan = planSync(rows, { kind: 'all', answeredOk });
    assert.deepEqual(
      plan.entries.map((entry) => entry.unchanged),
      [{ rowId: ROW_ID(1), rev: 2 }, undefined, undefined, undefined],
    );
    assert.equal(plan.entries[0].request.values.caseNo, 'A', 'its values stay at hand for a resend');
  });

  it('sends only new and changed rows on automatic sync', () => {
    const before = sheetRows(
      layout,
      span,
      block([
        ['A', 1, '甲', '', '', ROW_ID(1), 1],
        ['B', 2, '乙', '', '', ROW_ID(2), 1],
      ]),
    );
    const synced = new Map(before.map((row) => [row.rowId!, row.fingerprint]));
    const after = sheetRows(
      layout,
      span,
      block([
        ['B', 2, '乙', '', '', ROW_ID(2), 1],
        ['A', 1, '甲', '', '李', ROW_ID(1), 1],
        ['C', 3, '丙', '', '', '', ''],
      ]),
    );
    const plan = planSync(after, { kind: 'changed', synced });
    assert.deepEqual(
      plan.entries.map((entry) => entry.request.values.caseNo),
      ['A', 'C'],
      'sorting alone changes nothing',
    );
  });

  it('resends chosen rows over the stored revision for 保留我的', () => {
    const rows = sheetRows(
      layout,
      span,
      block([
        ['A', 1, '甲', '', '', ROW_ID(1), 1],
        ['B', 2, '乙', '', '', ROW_ID(2), 1],
      ]),
    );
    const plan = planSync(rows, { kind: 'override', revisions: new Map([[ROW_ID(2), 5]]) });
    assert.deepEqual(
      plan.entries.map((entry) => [entry.request.rowId, entry.request.rev]),
      [[ROW_ID(2), 5]],
    );
    assert.deepEqual(plan.blank, []);
  });

  it('finds rows again by 行ID and new rows by their values when the clerk sorted during the sync', () => {
    const sent = sheetRows(
      layout,
      span,
      block([
        ['A', 1, '甲', '', '', ROW_ID(1), 1],
        ['N', 9, '新', '', '', '', ''],
      ]),
    );
    const plan = planSync(sent, { kind: 'all' });
    const now = sheetRows(
      layout,
      span,
      block([
        ['X', 0, '插', '', '', '', ''],
        ['N', 9, '新', '', '', '', ''],
        ['A', 1, '甲', '', '', ROW_ID(1), 1],
      ]),
    );
    assert.equal(
      sameIds(
        sent.map((row) => row.idCell),
        now.map((row) => row.idCell),
      ),
      false,
    );
    assert.deepEqual(
      [...relocate(plan.entries, now)],
      [
        [0, 2],
        [1, 1],
      ],
    );
    const gone = sheetRows(layout, span, block([['A', 1, '甲', '', '', ROW_ID(1), 1]]));
    assert.deepEqual([...relocate(plan.entries, gone)], [[0, 0]], 'a new row edited meanwhile is not written');
  });

  it('knows a pulled 分案清单 row as unchanged, so automatic sync does not send it straight back', () => {
    const stored = { caseNo: '（2026）豫0102执1号', filedOn: 46000, respondent: '张三', handler: null };
    const [read] = sheetRows(layout, span, block([['（2026）豫0102执1号', 46000, '张三', '', '', ROW_ID(1), 3]]));
    assert.equal(fingerprintOfStored(layout, stored), read.fingerprint);
    assert.deepEqual(
      planSync([read], { kind: 'changed', synced: new Map([[ROW_ID(1), fingerprintOfStored(layout, stored)]]) }).entries,
      [],
    );
  });
});
