// The Excel layer against office-addin-mock: values are read only after load() and sync() (the mock
// answers an error string otherwise, which these tests would see), each step makes one sync, marks
// leave a clerk's own notes and fills alone, and features above ExcelApi 1.1 are used only when
// supported.

import assert from 'node:assert/strict';
import { OfficeMockObject } from 'office-addin-mock';
import { planAnnotationWrites, queueAnnotationLookups, type AnnotationLookups } from '../../../addin/excel/annotations.ts';
import { detectCapabilities, missingFeatures, type Capabilities } from '../../../addin/excel/capabilities.ts';
import { readTableRows, readTableShape, type LocatedTable } from '../../../addin/excel/ledger-table.ts';
import { queueSystemFormats } from '../../../addin/excel/sheet-format.ts';
import { templateLayout, headerOf } from '../../../addin/sheet/layout.ts';
import { MARK_FILL, NOTE_PREFIX } from '../../../addin/sheet/marks.ts';
import { LEDGER, ROW_ID } from '../sheet/fixtures.ts';

const ALL: Capabilities = detectCapabilities(() => true);
const NONE: Capabilities = detectCapabilities(() => false);

/** A mock context whose sync() syncs the whole mock tree and counts. */
function mockContext(root: OfficeMockObject, workbook: Record<string, unknown> = {}) {
  const context = {
    syncs: 0,
    workbook,
    async sync() {
      context.syncs += 1;
      await root.sync();
      // office-addin-mock updates nested objects in later microtasks.
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
  return context;
}

describe('add-in Excel layer (office-addin-mock)', () => {
  it('reads the header, body position and recorded marks in one sync, then the rows in one range and one sync', async () => {
    const layout = templateLayout(LEDGER);
    const root = new OfficeMockObject({
      header: { values: [layout.slots.map(headerOf)] },
      body: { rowIndex: 1, columnIndex: 0, rowCount: 2 },
      sheet: { name: '执行案件流转台账' },
      block: {
        values: [
          ['（2026）豫0102执1号', 46000, '张三', 5000, '', ROW_ID(1), 2],
          ['', '', '', '', '', '', ''],
        ],
      },
      setting: { value: JSON.stringify({ [ROW_ID(1)]: { caseNo: { message: '旧错误' } } }) },
    });
    // Excel knows isNullObject after the sync without a load; the mock would want one.
    root.setting.isNullObject = false;
    const addresses: string[] = [];
    root.body.worksheet = root.sheet;
    root.sheet.getRange = (address: string) => {
      addresses.push(address);
      return root.block;
    };
    const context = mockContext(root, { settings: { getItemOrNullObject: () => root.setting } });
    const located = {
      table: { getHeaderRowRange: () => root.header, getDataBodyRange: () => root.body },
      name: 'Ledger_cases',
      key: '1',
      ledger: LEDGER,
    } as unknown as LocatedTable;

    const shape = await readTableShape(context as unknown as Excel.RequestContext, located, ALL, new Map());
    assert.equal(context.syncs, 1);
    assert.equal(shape.sheetName, '执行案件流转台账');
    assert.deepEqual([shape.bodyRow, shape.bodyColumn, shape.rowCount], [1, 0, 2]);
    assert.deepEqual(shape.marks, { [ROW_ID(1)]: { caseNo: { message: '旧错误' } } });

    const { rows } = await readTableRows(context as unknown as Excel.RequestContext, shape);
    assert.equal(context.syncs, 2);
    assert.deepEqual(addresses, ['A2:G3'], 'one range: the clerk columns and 行ID/版本, not the system columns');
    assert.deepEqual(
      rows.map((row) => [row.rowId, row.rev, row.blank]),
      [
        [ROW_ID(1), 2, false],
        [null, null, true],
      ],
    );
    assert.equal(rows[0].values.amount, 5000);
  });

  it('refuses a table whose hidden identity columns were deleted', async () => {
    const root = new OfficeMockObject({
      header: { values: [['案号', '立案日期', '被执行人']] },
      body: { rowIndex: 1, columnIndex: 0, rowCount: 1 },
      sheet: { name: 'S' },
    });
    root.body.worksheet = root.sheet;
    const context = mockContext(root);
    const located = {
      table: { getHeaderRowRange: () => root.header, getDataBodyRange: () => root.body },
      name: 'Ledger_cases',
      key: '1',
      ledger: LEDGER,
    } as unknown as LocatedTable;
    await assert.rejects(
      readTableShape(context as unknown as Excel.RequestContext, located, NONE, new Map()),
      /缺少隐藏的「行ID」「版本」列/,
    );
  });

  it('marks with a fill and a note, updates its own notes, and leaves the clerk’s notes and fills alone', async () => {
    const calls: string[] = [];
    const root = new OfficeMockObject({
      newCell: { format: { fill: { color: '' } } },
      foreignCell: { format: { fill: { color: '' } } },
      ownCell: { format: { fill: { color: '' } } },
      noNote: { isNullObject: true, content: '' },
      foreignNote: { isNullObject: false, content: '书记员自己的批注' },
      ownNote: { isNullObject: false, content: `${NOTE_PREFIX}旧的说明` },
      fixedOwn: { color: MARK_FILL },
      fixedRecoloured: { color: '#FFFF00' },
      fixedNote: { isNullObject: false, content: `${NOTE_PREFIX}已改正` },
      fixedForeignNote: { isNullObject: false, content: '书记员的' },
    });
    for (const name of ['ownNote', 'fixedNote', 'fixedForeignNote']) root[name].delete = () => calls.push(`delete ${name}`);
    for (const name of ['fixedOwn', 'fixedRecoloured']) root[name].clear = () => calls.push(`clear ${name}`);
    for (const name of ['noNote', 'foreignNote', 'ownNote', 'fixedNote', 'fixedForeignNote']) root[name].load(['isNullObject', 'content']);
    for (const name of ['fixedOwn', 'fixedRecoloured']) root[name].load('color');
    const context = mockContext(root, { notes: { add: (address: string, text: string) => calls.push(`add ${address} ${text}`) } });
    await context.sync();

    const change = (columnId: string, message: string) => ({ rowId: ROW_ID(1), columnId, message, previous: null });
    const lookups = {
      adds: [
        { change: change('caseNo', '案号无效'), address: "'S'!A2", range: root.newCell, note: root.noNote },
        { change: change('filedOn', '日期无效'), address: "'S'!B2", range: root.foreignCell, note: root.foreignNote },
        { change: change('respondent', '必填'), address: "'S'!C2", range: root.ownCell, note: root.ownNote },
      ],
      removes: [
        { rowId: ROW_ID(2), columnId: 'caseNo', mark: { message: 'x' }, fill: root.fixedOwn, note: root.fixedNote },
        { rowId: ROW_ID(2), columnId: 'filedOn', mark: { message: 'y' }, fill: root.fixedRecoloured, note: root.fixedForeignNote },
      ],
      comments: null,
      keep: {},
    } as unknown as AnnotationLookups;
    const writes = planAnnotationWrites(context as unknown as Excel.RequestContext, lookups, 'notes');
    assert.deepEqual(calls, [], 'nothing is queued until the caller batches the commands');
    for (const command of writes.commands) command.queue();

    assert.deepEqual(calls, [`clear fixedOwn`, 'delete fixedNote', `add 'S'!A2 ${NOTE_PREFIX}案号无效`]);
    assert.equal(root.newCell.format.fill.color, MARK_FILL);
    assert.equal(root.foreignCell.format.fill.color, MARK_FILL, 'the cell is filled even where the clerk has a note');
    assert.equal(root.foreignNote.content, '书记员自己的批注');
    assert.equal(root.ownNote.content, `${NOTE_PREFIX}必填`);
    assert.deepEqual(Object.keys(writes.marks[ROW_ID(1)]), ['caseNo', 'filedOn', 'respondent']);
  });

  it('looks up notes only where notes exist (ExcelApi 1.18), and nothing extra on older Excel', () => {
    const lookedUp: string[] = [];
    const root = new OfficeMockObject({ note: { content: '', isNullObject: true }, range: { format: { fill: { color: '' } } } });
    const sheet = { getRange: () => root.range };
    const workbook = { notes: { getItemOrNullObject: (address: string) => (lookedUp.push(address), root.note) } };
    const context = mockContext(root, workbook) as unknown as Excel.RequestContext;
    const plan = { add: [{ rowId: ROW_ID(1), columnId: 'caseNo', message: '错', previous: null }], remove: [], keep: {} };
    const locate = () => ({ row: 4, column: 0 });
    queueAnnotationLookups(context, sheet as unknown as Excel.Worksheet, '执行案件流转台账', plan, locate, 'notes');
    assert.deepEqual(lookedUp, ["'执行案件流转台账'!A5"]);
    const none = queueAnnotationLookups(context, sheet as unknown as Excel.Worksheet, '执行案件流转台账', plan, locate, 'none');
    assert.equal(lookedUp.length, 1);
    assert.equal(none.adds[0].note, null);
  });

  it('styles system columns always, and hides, colours and sizes columns only where Excel supports it', () => {
    const layout = templateLayout(LEDGER);
    const run = (capabilities: Capabilities) => {
      const used: string[] = [];
      const range = () => {
        const mock = new OfficeMockObject({ format: { fill: { color: '' }, font: { color: '', bold: false } }, numberFormat: '' });
        mock.getEntireColumn = () => new Proxy({}, { set: (_target, property) => (used.push(`hide via ${String(property)}`), true) });
        Object.defineProperty(mock.format, 'columnWidth', {
          set: () => {
            used.push('width');
          },
        });
        Object.defineProperty(mock, 'conditionalFormats', {
          get: () => (
            used.push('conditional formats'),
            { clearAll: () => undefined, add: () => ({ textComparison: { format: { fill: {}, font: {} } } }) }
          ),
        });
        return mock;
      };
      queueSystemFormats(
        { sheet: { getRange: range } as unknown as Excel.Worksheet, headerRow: 0, firstColumn: 0, bodyRows: 1 },
        layout,
        capabilities,
      );
      return used;
    };
    assert.deepEqual(run(NONE), []);
    const all = run(ALL);
    assert.equal(all.filter((use) => use === 'hide via columnHidden').length, 2);
    assert.ok(all.includes('conditional formats'));
    assert.ok(all.includes('width'));
  });

  it('names what an older Excel cannot do', () => {
    assert.deepEqual(missingFeatures(ALL), []);
    assert.equal(missingFeatures(NONE).length, 7);
    const commentsOnly = detectCapabilities((_name, version) => Number(version.split('.')[1]) <= 10);
    assert.ok(!missingFeatures(commentsOnly).some((text) => text.includes('批注')));
  });
});
