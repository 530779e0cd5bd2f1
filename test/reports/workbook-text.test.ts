// The weekly report's xlsx with names a clerk could type into a ledger: markup characters, quotes,
// a control character and a formula-like 承办人 come back as the same text from exceljs, and the
// file opens in LibreOffice where it is installed.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { reportWorkbook } from '../../service/reports/workbook.ts';
import type { WeeklyReport } from '../../service/domain/report/weekly-report.ts';
import { bureau } from '../domain/report/bureau.ts';
import { reportOf } from '../domain/report/rows.ts';
import { convertFile, convertToPdf, pdfPages, sofficeCommand } from '../helpers/office-convert.ts';
import { invalidXmlParts } from '../helpers/workbooks.ts';

const HOSTILE_TEAM = '<速执>&"团队"\u0001';
const HOSTILE_HANDLER = '=HYPERLINK("http://x","点")&<b>\u0001';
/** As the sheet shows them: the control character dropped, everything else as typed. */
const TEAM_SHOWN = '<速执>&"团队"';
const HANDLER_SHOWN = '=HYPERLINK("http://x","点")&<b>';

/** The bureau's report with its first team and its first overdue node's team and 承办人 renamed. */
function hostileReport(): WeeklyReport {
  const report = reportOf('2026-W20', '2026-05-17', bureau());
  const [team, ...teams] = report.teams;
  const [node, ...overdue] = report.overdue;
  return {
    ...report,
    teams: [{ ...team, team: HOSTILE_TEAM }, ...teams],
    overdue: [{ ...node, team: HOSTILE_TEAM, handler: HOSTILE_HANDLER }, ...overdue],
  };
}

async function sheetOf(file: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

describe('weekly report xlsx with hostile names', () => {
  let file: Buffer;
  before(async () => {
    file = await reportWorkbook(hostileReport());
  });

  it('is well-formed XML in every part', async () => {
    assert.deepEqual(await invalidXmlParts(file), []);
  });

  it('gives back each team and 承办人 as typed, less the control character, the formula-like one as text', async () => {
    const sheet = await sheetOf(file);
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const teams = cells.filter((cell) => cell.value === TEAM_SHOWN);
    assert.ok(teams.length >= 2, 'in the teams block and the overdue list');
    const handler = cells.find((cell) => cell.value === HANDLER_SHOWN);
    assert.ok(handler, 'the 承办人 is listed');
    assert.equal(handler.type, ExcelJS.ValueType.String);
    assert.equal(handler.numFmt, '@');
    assert.ok(!cells.some((cell) => cell.type === ExcelJS.ValueType.Formula));
    assert.ok(!cells.some((cell) => String(cell.value).includes('\u0001')));
  });

  it('opens in LibreOffice, which reads the names back and prints the sheet', async function () {
    this.timeout(300_000);
    const soffice = sofficeCommand();
    if (!soffice) {
      console.log('      未安装 LibreOffice（soffice），跳过用 LibreOffice 打开周通报 xlsx 的检查');
      this.skip();
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), 'report-xlsx-'));
    try {
      const xlsx = path.join(dir, 'report.xlsx');
      await writeFile(xlsx, file);
      // 44,34,76: comma-separated, double-quoted, UTF-8.
      const csv = await readFile(convertFile(soffice, xlsx, dir, 'csv:Text - txt - csv (StarCalc):44,34,76'), 'utf8');
      assert.match(csv, /七、超期节点清单/);
      assert.ok(csv.includes('"<速执>&""团队"""'), csv.slice(0, 400));
      assert.ok(csv.includes('"=HYPERLINK(""http://x"",""点"")&<b>"'));
      assert.ok(pdfPages(await readFile(convertToPdf(soffice, xlsx, dir))) > 0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
