// GET /api/templates/:id.xlsx: an empty ledger workbook for every ledger, made from its definition,
// that comes back through annotation as any clerk's workbook does.

import assert from 'node:assert/strict';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { ColumnDef } from '../../service/domain/ledger.ts';
import { LEDGERS } from '../../service/domain/ledgers/index.ts';
import { systemColumnsOf } from '../../service/domain/row.ts';
import { IDENTITY_COLUMNS } from '../../service/workbook/table-layout.ts';
import { validValue } from '../helpers/sample-rows.ts';
import { ADMIN_TOKEN, assertError, Sandbox, type TestService } from '../helpers/service.ts';
import { annotate, annotatedWorkbook, cellUnder, loadWorkbook, saveWorkbook, utc } from '../helpers/workbooks.ts';

async function download(service: TestService, id: string) {
  const response = await fetch(`${service.url}/api/templates/${id}.xlsx`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  return { response, file: Buffer.from(await response.arrayBuffer()) };
}

/**
 * A value of the column's type that the service reads without complaint, as a clerk's Excel holds
 * it: dates and date-times as Excel dates, the rest as for any ledger row.
 */
function sample(column: ColumnDef): ExcelJS.CellValue {
  if (column.type === 'date') return utc(2026, 9, 24);
  if (column.type === 'datetime') return new Date(Date.UTC(2026, 8, 24, 9, 30));
  return validValue(column, 1) ?? null;
}

const validationsOf = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;

describe('ledger templates', () => {
  const sandbox = new Sandbox();
  let service: TestService;

  beforeEach(async () => {
    service = await sandbox.start();
  });
  afterEach(() => sandbox.cleanUp());

  for (const ledger of LEDGERS) {
    describe(ledger.name, () => {
      const inputHeaders = ledger.columns.map((column) => column.header);
      const systemHeaders = [...systemColumnsOf(ledger), ...IDENTITY_COLUMNS].map((column) => column.header);

      async function template(): Promise<ExcelJS.Workbook> {
        const { response, file } = await download(service, ledger.id);
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        assert.match(
          decodeURIComponent(response.headers.get('content-disposition') ?? ''),
          new RegExp(`${ledger.name}（空白模板）\\.xlsx`),
        );
        return loadWorkbook(file);
      }

      it('has the header row, a frozen header, widths and the system columns styled apart', async () => {
        const sheet = (await template()).worksheets[0];
        assert.equal(sheet.name, ledger.name);
        const header = sheet.getRow(1);
        assert.deepEqual(
          Array.from({ length: inputHeaders.length + systemHeaders.length }, (_, i) => header.getCell(i + 1).value),
          [...inputHeaders, ...systemHeaders],
        );
        assert.deepEqual(
          sheet.views.map((view) => [view.state, (view as ExcelJS.WorksheetViewFrozen).ySplit]),
          [['frozen', 1]],
        );
        const fill = (column: number) => (header.getCell(column).fill as ExcelJS.FillPattern).fgColor?.argb;
        assert.notEqual(fill(inputHeaders.length + 1), fill(1));
        for (let column = 1; column <= inputHeaders.length + systemHeaders.length; column++)
          assert.ok((sheet.getColumn(column).width ?? 0) >= 10);
        for (const hidden of ['行ID', '版本'])
          assert.equal(sheet.getColumn(inputHeaders.length + systemHeaders.indexOf(hidden) + 1).hidden, true);
        ledger.columns.forEach((column, index) => {
          if (column.required) assert.equal(header.getCell(index + 1).note, '必填', column.header);
        });
      });

      it('formats dates as dates and identity and case numbers as text', async () => {
        const sheet = (await template()).worksheets[0];
        ledger.columns.forEach((column, index) => {
          const numFmt = sheet.getColumn(index + 1).numFmt;
          if (column.type === 'date') assert.equal(numFmt, 'yyyy-mm-dd', column.header);
          if (['caseNo', 'personId', 'partyId', 'creditCode', 'licenseNo', 'plate'].includes(column.type))
            assert.equal(numFmt, '@', column.header);
        });
      });

      it('offers every enumeration as a dropdown listing its options from a hidden sheet', async () => {
        const workbook = await template();
        const [sheet, options] = workbook.worksheets;
        assert.equal(options.state, 'hidden');
        const validations = validationsOf(sheet);
        const listed = ledger.columns.filter((column) => column.type === 'enum' || column.type === 'tags' || column.type === 'yesno');
        for (const column of listed) {
          const letter = sheet.getColumn(ledger.columns.indexOf(column) + 1).letter;
          const rule = validations[`${letter}2:${letter}1048576`];
          assert.ok(rule, `${column.header} 没有下拉列表`);
          assert.equal(rule.type, 'list');
          const [, optionLetter, first, last] = /^'选项'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(String(rule.formulae[0]))!;
          const values = [];
          for (let row = Number(first); row <= Number(last); row++) values.push(options.getCell(`${optionLetter}${row}`).value);
          assert.deepEqual(values, column.type === 'yesno' ? ['是', '否'] : column.options);
        }
        assert.equal(Object.keys(validations).length, listed.length);
      });

      it('comes back annotated once a clerk fills a row, dropdowns kept whole', async () => {
        const workbook = await template();
        const sheet = workbook.worksheets[0];
        ledger.columns.forEach((column, index) => {
          if (column.required || ledger.key.includes(column.id)) sheet.getCell(2, index + 1).value = sample(column);
        });
        const reply = await annotate(service, await saveWorkbook(workbook), { filename: `${ledger.name}.xlsx` });
        const annotated = (await annotatedWorkbook(reply)).worksheets[0];
        assert.match(String(cellUnder(annotated, 1, '行ID', 2).value), /^[0-9a-f-]{36}$/);
        assert.equal(cellUnder(annotated, 1, '版本', 2).value, 1);
        assert.equal(reply.summary!.sheets[0].rows, 1);
        assert.deepEqual(reply.summary!.sheets[0].otherHeaders, []);
        const xml = await (await JSZip.loadAsync(reply.file)).file('xl/worksheets/sheet1.xml')!.async('string');
        const wholeColumns = xml.match(/sqref="[A-Z]+2:[A-Z]+1048576"/g) ?? [];
        assert.equal(wholeColumns.length, Object.keys(validationsOf(sheet)).length);
      });

      it('is taken back empty, with no rows to sync', async () => {
        const reply = await annotate(service, (await download(service, ledger.id)).file);
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.summary!.sheets[0].rows, 0);
      });
    });
  }

  it('answers 404 in Chinese for a ledger that does not exist, and 401 without a token', async () => {
    assertError(await service.admin.get('/api/templates/nothing.xlsx'), 404, 'unknown_ledger');
    assertError(await service.anonymous.get(`/api/templates/${LEDGERS[0].id}.xlsx`), 401);
  });
});
