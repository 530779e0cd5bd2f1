// POST /api/workbooks/annotate with a workbook as a clerk keeps it: statuses and explanations come
// back in the same workbook, and nothing of the clerk's is changed.

import assert from 'node:assert/strict';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { systemColumnsOf } from '../../service/domain/row.ts';
import { casesLedger } from '../../service/domain/ledgers/cases/definition.ts';
import { LEDGERS } from '../../service/domain/ledgers/index.ts';
import { MARK_FORMULA, NOTE_MARK } from '../../service/workbook/annotation-writer.ts';
import { IDENTITY_COLUMNS } from '../../service/workbook/table-layout.ts';
import { addUser, assertError, rowsOf, Sandbox, storedRows, type TestService } from '../helpers/service.ts';
import {
  annotate,
  annotatedWorkbook,
  cellFacts,
  cellUnder,
  CLERK_HEADER_ROW,
  CLERK_HEADERS,
  CLERK_ROWS,
  CLERK_SHEET,
  clerkWorkbook,
  invalidXmlParts,
  loadWorkbook,
  noteText,
  saveWorkbook,
  utc,
  withEscapedText,
} from '../helpers/workbooks.ts';

const SYSTEM_HEADERS = [...systemColumnsOf(casesLedger), ...IDENTITY_COLUMNS].map((column) => column.header);
const DATA_ROWS = [CLERK_ROWS.overdue, CLERK_ROWS.dueSoon, CLERK_ROWS.invalid, CLERK_ROWS.onTrack, CLERK_ROWS.lookupError];
const ANNOTATED = new Set([`C${CLERK_ROWS.invalid}`, `G${CLERK_ROWS.invalid}`, `F${CLERK_ROWS.lookupError}`]);

type Formats = Array<{ ref: string; rules: Array<{ formulae?: unknown[] }> }>;
const formatsOf = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { conditionalFormattings?: Formats }).conditionalFormattings ?? [];
const ourFormats = (sheet: ExcelJS.Worksheet) =>
  formatsOf(sheet).filter((format) => format.rules.some((rule) => rule.formulae?.[0] === MARK_FORMULA));
const markedRefs = (sheet: ExcelJS.Worksheet) => ourFormats(sheet).flatMap((format) => format.ref.split(' '));

/** The clerk's part of a note: what comes before the service's mark. */
const clerkNote = (cell: ExcelJS.Cell) => noteText(cell).split(NOTE_MARK)[0].trimEnd();

/**
 * Every cell of `before` within the first `columns` columns is the same in `after`; annotated cells
 * keep value, style and the clerk's note.
 */
function assertCellsUnchanged(before: ExcelJS.Worksheet, after: ExcelJS.Worksheet, columns: number, annotated = new Set<string>()) {
  let compared = 0;
  for (let row = 1; row <= before.rowCount; row++) {
    for (let column = 1; column <= columns; column++) {
      const was = before.getCell(row, column);
      const is = after.getCell(row, column);
      if (annotated.has(was.address)) {
        assert.deepEqual([is.value, JSON.stringify(is.style)], [was.value, JSON.stringify(was.style)], `${after.name}!${was.address}`);
        assert.equal(clerkNote(is), clerkNote(was), `${after.name}!${was.address} 的批注`);
      } else {
        assert.deepEqual(cellFacts(is), cellFacts(was), `${after.name}!${was.address}`);
      }
      compared++;
    }
  }
  assert.deepEqual(after.model.merges.sort(), before.model.merges.sort(), `${after.name} 的合并单元格`);
  for (let column = 1; column <= columns; column++) {
    const [was, is] = [before.getColumn(column), after.getColumn(column)];
    assert.deepEqual(
      [is.width, is.hidden, JSON.stringify(is.style)],
      [was.width, was.hidden, JSON.stringify(was.style)],
      `${after.name} 第 ${column} 列`,
    );
  }
  for (let row = 1; row <= before.rowCount; row++) assert.equal(after.getRow(row).height, before.getRow(row).height);
  assert.deepEqual(after.views, before.views);
  assert.deepEqual(after.autoFilter, before.autoFilter);
  return compared;
}

describe('annotating a workbook', () => {
  const sandbox = new Sandbox();
  let service: TestService;
  let input: Buffer;
  let original: ExcelJS.Workbook;

  beforeEach(async () => {
    service = await sandbox.start();
    // The administrator has entered 2027's holidays, so no statutory deadline carries a calendar warning.
    assert.equal(
      (await service.admin.put('/api/calendar', { years: { '2027': { holidays: { '2027-01-01': '元旦' }, workdays: {} } } })).status,
      200,
    );
    input = await clerkWorkbook();
    original = await loadWorkbook(input);
  });
  afterEach(() => sandbox.cleanUp());

  it('comes back named as annotated, with a summary of what was found in each sheet', async () => {
    const reply = await annotate(service, input, { filename: '2026年10月台账.xlsx' });
    await annotatedWorkbook(reply);
    assert.equal(reply.filename, '2026年10月台账（已标注）.xlsx');
    const [ledgerSheet, stats, notes] = reply.summary!.sheets;
    assert.deepEqual(
      { ...ledgerSheet, skipped: { ...ledgerSheet.skipped } },
      {
        sheet: CLERK_SHEET,
        ledger: { id: 'cases', name: '执行案件流转台账' },
        headerRow: CLERK_HEADER_ROW,
        rows: 5,
        invalid: 2,
        warnings: 0,
        conflicts: 0,
        overdue: 2,
        dueSoon: 1,
        otherHeaders: ['序号', '备注', '标的额（万元）'],
        missingRequired: [],
        skipped: { blank: 1, footer: 2, header: 0 },
        notAnnotated: null,
      },
    );
    assert.deepEqual([stats.sheet, stats.ledger, notes.sheet, notes.ledger], ['统计', null, '说明', null]);
    assert.match(stats.notAnnotated!, /没有找到台账的表头/);
  });

  it('writes the system columns right of the clerk’s, with the same statuses the add-in gets', async () => {
    const sheet = (await annotatedWorkbook(await annotate(service, input))).getWorksheet(CLERK_SHEET)!;
    const header = sheet.getRow(CLERK_HEADER_ROW);
    assert.deepEqual(
      Array.from({ length: CLERK_HEADERS.length + SYSTEM_HEADERS.length }, (_, i) => header.getCell(i + 1).value),
      [...CLERK_HEADERS, ...SYSTEM_HEADERS],
    );
    for (const hidden of ['行ID', '版本'])
      assert.equal(sheet.getColumn(CLERK_HEADERS.length + SYSTEM_HEADERS.indexOf(hidden) + 1).hidden, true);

    const stored = rowsOf(await service.admin.rows());
    assert.equal(stored.length, 5);
    for (const rowNumber of DATA_ROWS) {
      const rowId = String(cellUnder(sheet, CLERK_HEADER_ROW, '行ID', rowNumber).value);
      const row = stored.find((candidate) => candidate.rowId === rowId);
      assert.ok(row, `第 ${rowNumber} 行的行ID ${rowId} 不在台账中`);
      assert.equal(cellUnder(sheet, CLERK_HEADER_ROW, '版本', rowNumber).value, row.rev);
      for (const column of systemColumnsOf(casesLedger).filter((system) => system.id !== 'remarks')) {
        const value = cellUnder(sheet, CLERK_HEADER_ROW, column.header, rowNumber).value;
        const shown = value instanceof Date ? value.toISOString().slice(0, 10) : value;
        assert.deepEqual(shown, row.status[column.id] === '' ? null : row.status[column.id], `第 ${rowNumber} 行「${column.header}」`);
      }
      // 校验意见 adds what the workbook itself shows wrong (an error value) to the service's remarks.
      assert.ok(
        String(cellUnder(sheet, CLERK_HEADER_ROW, '校验意见', rowNumber).value ?? '').startsWith(String(row.status.remarks)),
        `第 ${rowNumber} 行「校验意见」`,
      );
    }

    // The hand-checked case of the sync tests, read from the clerk's own layout.
    const at = (header: string) => cellUnder(sheet, CLERK_HEADER_ROW, header, CLERK_ROWS.overdue);
    assert.equal(at('承办团队').value, '速执团队');
    assert.deepEqual(at('结案期限').value, utc(2026, 11, 27));
    assert.equal(at('结案期限').numFmt, 'yyyy-mm-dd');
    assert.deepEqual([at('当前节点').value, at('剩余天数').value, at('预警').value], ['初次接待', -11, '超期']);
    assert.equal(at('校验意见').numFmt, '@');
  });

  it('colours 预警: 超期 red, 临期 amber, 正常 green', async () => {
    const sheet = (await annotatedWorkbook(await annotate(service, input))).getWorksheet(CLERK_SHEET)!;
    const alert = (row: number) => cellUnder(sheet, CLERK_HEADER_ROW, '预警', row);
    const fill = (row: number) => (alert(row).fill as ExcelJS.FillPattern).fgColor?.argb;
    assert.deepEqual(
      [CLERK_ROWS.overdue, CLERK_ROWS.dueSoon, CLERK_ROWS.onTrack].map((row) => [alert(row).value, fill(row)]),
      [
        ['超期', 'FFFFC7CE'],
        ['临期', 'FFFFEB9C'],
        ['正常', 'FFC6EFCE'],
      ],
    );
  });

  it('explains each bad cell in a note, marks it with a conditional fill, and keeps the clerk’s note', async () => {
    const sheet = (await annotatedWorkbook(await annotate(service, input))).getWorksheet(CLERK_SHEET)!;
    const filedOn = sheet.getCell(`C${CLERK_ROWS.invalid}`);
    assert.equal(noteText(filedOn), `待核实\n${NOTE_MARK}\n立案日期「2026-02-30」不是存在的日期`);
    assert.match(noteText(sheet.getCell(`G${CLERK_ROWS.invalid}`)), /执行标的额（元）「-100」不能为负数/);
    const lookup = noteText(sheet.getCell(`F${CLERK_ROWS.lookupError}`));
    assert.match(lookup, /被执行人为必填项/);
    assert.match(lookup, /被执行人单元格是错误值 #N\/A/);
    assert.deepEqual(markedRefs(sheet).sort(), [...ANNOTATED].sort());
    // The clerk's yellow stays the cell's own fill; the mark lies over it only while the problem lasts.
    assert.equal((filedOn.fill as ExcelJS.FillPattern).fgColor?.argb, 'FFFFFF00');
    assert.match(String(cellUnder(sheet, CLERK_HEADER_ROW, '校验意见', CLERK_ROWS.lookupError).value), /错误值 #N\/A/);
  });

  it('notes a warning about a cell’s value on the cell, and one about the whole row in 校验意见 only', async () => {
    assert.equal((await service.admin.put('/api/calendar', { years: {} })).status, 200);
    const workbook = await loadWorkbook(input);
    const added = workbook.addWorksheet('补录');
    added.addRow(['案号', '立案日期', '被执行人', '被执行人证件号', '分流调整']);
    added.addRow(['（2026）豫0102执1301号', '2026-09-24', '钱八', '110105194912310021', '速执团队']);
    const annotated = await annotatedWorkbook(await annotate(service, await saveWorkbook(workbook)));

    const sheet = annotated.getWorksheet('补录')!;
    assert.match(noteText(sheet.getCell('D2')), /被执行人证件号「110105194912310021」校验位应为 X/);
    assert.deepEqual(markedRefs(sheet), ['D2']);
    assert.equal(sheet.getCell('E2').note, undefined);
    assert.match(String(cellUnder(sheet, 1, '校验意见', 2).value), /分流调整为速执团队，但未填写调整理由/);
  });

  it('changes nothing of the clerk’s: cells, formulas, notes, formats, merges, widths, other sheets', async () => {
    const annotated = await annotatedWorkbook(await annotate(service, input));
    const compared = assertCellsUnchanged(
      original.getWorksheet(CLERK_SHEET)!,
      annotated.getWorksheet(CLERK_SHEET)!,
      CLERK_HEADERS.length,
      ANNOTATED,
    );
    assert.ok(compared >= 12 * CLERK_HEADERS.length);
    for (const name of ['统计', '说明']) {
      const before = original.getWorksheet(name)!;
      assertCellsUnchanged(before, annotated.getWorksheet(name)!, before.columnCount);
    }
    assert.deepEqual(
      annotated.worksheets.map((sheet) => sheet.name),
      [CLERK_SHEET, '统计', '说明'],
    );
    const after = annotated.getWorksheet(CLERK_SHEET)!;
    const before = original.getWorksheet(CLERK_SHEET)!;
    const dataValidations = (sheet: ExcelJS.Worksheet) =>
      (sheet as unknown as { dataValidations: { model: unknown } }).dataValidations.model;
    assert.deepEqual(dataValidations(after), dataValidations(before));
    assert.deepEqual(
      formatsOf(after).filter((format) => !ourFormats(after).includes(format)),
      formatsOf(before),
    );
    // Rows the service does not count as cases get no status: the blank row, the total, the signature.
    for (const row of [CLERK_ROWS.blank, CLERK_ROWS.total, CLERK_ROWS.signature]) {
      assert.equal(cellUnder(after, CLERK_HEADER_ROW, '预警', row).value, null, `第 ${row} 行`);
    }
  });

  it('keeps what it does not change byte for byte: charts, pivot tables, other sheets, the shared strings', async () => {
    const zip = await JSZip.loadAsync(input);
    zip.file(
      'xl/charts/chart1.xml',
      '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
    );
    zip.file('xl/pivotTables/pivotTable1.xml', '<?xml version="1.0"?><pivotTableDefinition name="透视表1"/>');
    const withExtras = await zip.generateAsync({ type: 'nodebuffer' });
    const reply = await annotate(service, withExtras);
    await annotatedWorkbook(reply);
    const [before, after] = [await JSZip.loadAsync(withExtras), await JSZip.loadAsync(reply.file)];
    const kept = [
      'xl/charts/chart1.xml',
      'xl/pivotTables/pivotTable1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
      'xl/sharedStrings.xml',
      'xl/theme/theme1.xml',
    ];
    for (const name of kept)
      assert.deepEqual(await after.file(name)?.async('nodebuffer'), await before.file(name)?.async('nodebuffer'), name);
    assert.deepEqual(
      Object.keys(after.files)
        .filter((name) => !after.files[name].dir)
        .sort(),
      Object.keys(before.files)
        .filter((name) => !before.files[name].dir)
        .sort(),
    );
  });

  it('takes its own annotated workbook back: same columns, same row ids, nothing doubled', async () => {
    const first = await annotate(service, input);
    const once = (await annotatedWorkbook(first)).getWorksheet(CLERK_SHEET)!;
    const second = await annotate(service, first.file);
    const twice = (await annotatedWorkbook(second)).getWorksheet(CLERK_SHEET)!;

    assert.equal(twice.getRow(CLERK_HEADER_ROW).cellCount, CLERK_HEADERS.length + SYSTEM_HEADERS.length);
    assertCellsUnchanged(once, twice, CLERK_HEADERS.length + SYSTEM_HEADERS.length);
    assert.equal((await storedRows(service)).length, 5);
    assert.equal(second.summary!.sheets[0].rows, 5);
    assert.equal(ourFormats(twice).length, ourFormats(once).length);
    assert.equal(noteText(twice.getCell(`C${CLERK_ROWS.invalid}`)).split(NOTE_MARK).length, 2);
  });

  it('clears the note and the mark of a cell the clerk has corrected, keeping the clerk’s own note', async () => {
    const annotated = await loadWorkbook((await annotate(service, input)).file);
    const sheet = annotated.getWorksheet(CLERK_SHEET)!;
    sheet.getCell(`C${CLERK_ROWS.invalid}`).value = utc(2026, 9, 20);
    sheet.getCell(`G${CLERK_ROWS.invalid}`).value = 100;

    const again = (await annotatedWorkbook(await annotate(service, await saveWorkbook(annotated)))).getWorksheet(CLERK_SHEET)!;
    assert.equal(noteText(again.getCell(`C${CLERK_ROWS.invalid}`)), '待核实');
    assert.equal(again.getCell(`G${CLERK_ROWS.invalid}`).note, undefined);
    assert.deepEqual(markedRefs(again), [`F${CLERK_ROWS.lookupError}`]);
    assert.doesNotMatch(String(cellUnder(again, CLERK_HEADER_ROW, '校验意见', CLERK_ROWS.invalid).value ?? ''), /不是存在的日期|负数/);
    const stored = (await storedRows(service)).find((row) => row.values.caseNo === '（2026）豫0102执1236号');
    assert.equal(stored?.values.filedOn, 46285);
    assert.equal(stored?.rev, 2);
  });

  it('keeps a row’s identity by its hidden row id when the clerk corrects its case number', async () => {
    const annotated = await loadWorkbook((await annotate(service, input)).file);
    const sheet = annotated.getWorksheet(CLERK_SHEET)!;
    const rowId = cellUnder(sheet, CLERK_HEADER_ROW, '行ID', CLERK_ROWS.onTrack).value;
    sheet.getCell(`B${CLERK_ROWS.onTrack}`).value = '（2026）豫0102执1239号';
    await annotatedWorkbook(await annotate(service, await saveWorkbook(annotated)));
    const stored = await storedRows(service);
    assert.equal(stored.length, 5);
    assert.equal(stored.find((row) => row.rowId === rowId)?.values.caseNo, '（2026）豫0102执1239号');
  });

  it('reports a change made elsewhere since the download instead of overwriting it', async () => {
    const first = await annotate(service, input);
    const sheet = (await loadWorkbook(first.file)).getWorksheet(CLERK_SHEET)!;
    const rowId = String(cellUnder(sheet, CLERK_HEADER_ROW, '行ID', CLERK_ROWS.overdue).value);
    // A colleague records the reception through the add-in.
    const [row] = rowsOf(await service.admin.rows()).filter((candidate) => candidate.rowId === rowId);
    rowsOf(await service.admin.sync([{ rowId, rev: row.rev, values: { receptionOn: '2026-09-24' } }]));

    const edited = await loadWorkbook(first.file);
    edited.getWorksheet(CLERK_SHEET)!.getCell(`L${CLERK_ROWS.overdue}`).value = '吴法官';
    const reply = await annotate(service, await saveWorkbook(edited));
    const remarks = String(
      cellUnder((await annotatedWorkbook(reply)).getWorksheet(CLERK_SHEET)!, CLERK_HEADER_ROW, '校验意见', CLERK_ROWS.overdue).value,
    );
    assert.match(remarks, /已被他人更新为第 2 版，本表的修改没有保存/);
    assert.match(remarks, /初次接待日期（服务端为「2026-09-24」）、承办人（服务端为「李法官」）/);
    assert.equal(reply.summary!.sheets[0].conflicts, 1);
    const stored = (await storedRows(service)).find((candidate) => candidate.rowId === rowId)!;
    assert.equal(stored.values.handler, '李法官');
    assert.equal(stored.values.receptionOn, '2026-09-24');
  });

  it('names the sheet and row of a case entered twice, across sheets', async () => {
    const workbook = await loadWorkbook(input);
    const copy = workbook.addWorksheet('补录');
    copy.addRow(['案号', '立案日期', '被执行人']);
    copy.addRow(['（2026）豫0102执1234号', '2026-09-24', '张三']);
    const sheet = (await annotatedWorkbook(await annotate(service, await saveWorkbook(workbook)))).getWorksheet('补录')!;
    assert.match(noteText(sheet.getCell('A2')), new RegExp(`与工作表「${CLERK_SHEET}」第 ${CLERK_ROWS.overdue} 行重复`));
  });

  it('reads a workbook in the 1904 date system to the same dates', async () => {
    const workbook = await loadWorkbook(input);
    workbook.properties.date1904 = true;
    await annotatedWorkbook(await annotate(service, await saveWorkbook(workbook)));
    const stored = (await storedRows(service)).find((row) => row.values.caseNo === '（2026）豫0102执1234号');
    assert.equal(stored?.values.filedOn, 46289);
    assert.equal(rowsOf(await service.admin.rows()).find((row) => row.rowId === stored?.rowId)?.status.closeDue, '2026-11-27');
  });

  it('writes text that starts with =, +, - or @ as text, never as a formula', async () => {
    const workbook = await loadWorkbook(input);
    workbook.getWorksheet(CLERK_SHEET)!.getCell(`B${CLERK_ROWS.overdue}`).value = '=HYPERLINK("http://x","案号")';
    const sheet = (await annotatedWorkbook(await annotate(service, await saveWorkbook(workbook)))).getWorksheet(CLERK_SHEET)!;
    const remarks = cellUnder(sheet, CLERK_HEADER_ROW, '校验意见', CLERK_ROWS.overdue);
    assert.equal(typeof remarks.value, 'string');
    assert.match(String(remarks.value), /案号「=HYPERLINK/);
    sheet.eachRow((row) =>
      row.eachCell((cell) =>
        assert.equal(
          typeof cell.value === 'object' && cell.value !== null && 'formula' in cell.value && /HYPERLINK/.test(String(cell.value.formula)),
          false,
        ),
      ),
    );
  });

  it('comes back as valid XML when a cell holds U+FFFE, U+FFFF, a lone surrogate or a control character', async () => {
    const workbook = await loadWorkbook(input);
    const sheet = workbook.getWorksheet(CLERK_SHEET)!;
    cellUnder(sheet, CLERK_HEADER_ROW, '承办人', CLERK_ROWS.overdue).value = '李四MARK';
    cellUnder(sheet, CLERK_HEADER_ROW, '执行案号', CLERK_ROWS.invalid).value = '（2026）豫0102执9MARK号';
    const file = await withEscapedText(await saveWorkbook(workbook), 'MARK', '_xFFFE__xFFFF__xD800__x0001_');
    const reply = await annotate(service, file);
    assert.deepEqual(await invalidXmlParts(reply.file), []);
    const annotated = (await annotatedWorkbook(reply)).getWorksheet(CLERK_SHEET)!;
    // The clerk's own text is copied as the upload held it, escapes and all (Excel's way of keeping
    // such a character in valid XML); the service's own text leaves the characters out.
    const uploaded = (await loadWorkbook(file)).getWorksheet(CLERK_SHEET)!;
    const handler = (sheet: ExcelJS.Worksheet) => cellUnder(sheet, CLERK_HEADER_ROW, '承办人', CLERK_ROWS.overdue).value;
    assert.equal(handler(annotated), handler(uploaded));
    assert.match(String(cellUnder(annotated, CLERK_HEADER_ROW, '校验意见', CLERK_ROWS.invalid).value), /案号「（2026）豫0102执9号」/);
  });

  describe('who may annotate', () => {
    it('refuses a viewer with 403 naming the ledger, and stores nothing', async () => {
      const token = await addUser(service, '查阅员', ['viewer']);
      const message = assertError(await annotate(service, input, { token }), 403, 'forbidden');
      assert.match(message, /无权写入执行案件流转台账/);
      assert.equal((await storedRows(service)).length, 0);
    });

    it('lists a viewer’s refusal sheet by sheet: one line per sheet with its reason, roles in the bureau’s words', async () => {
      const token = await addUser(service, '查阅员', ['viewer']);
      const workbook = await loadWorkbook(input);
      const fines = LEDGERS.find((ledger) => ledger.id === 'fines')!;
      workbook.addWorksheet('罚款').addRow(fines.columns.map((column) => column.header));
      const message = assertError(await annotate(service, await saveWorkbook(workbook), { token }), 403, 'forbidden');
      assert.deepEqual(message.split('\n'), [
        '没有可以同步的工作表：',
        `工作表「${CLERK_SHEET}」：用户「查阅员」（角色：只读）无权写入执行案件流转台账，本表未同步`,
        '工作表「罚款」：用户「查阅员」（角色：只读）无权写入罚款台账，本表未同步',
      ]);
    });

    it('lets a team member annotate the cases ledger', async () => {
      const token = await addUser(service, '速执法官', ['team:速执团队']);
      const reply = await annotate(service, input, { token });
      assert.equal(reply.status, 200, reply.text);
      assert.equal((await storedRows(service))[0].updatedBy, '速执法官');
    });
  });
});
