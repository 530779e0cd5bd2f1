// Print-ready workbooks (issue 13): the template, an annotated sheet and the weekly report print A4
// landscape, one page wide, the header row on every page, data rows ruled, the ledger's name and
// page numbers in the header and footer. Read back from the xlsx's own XML, as Excel reads it.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { casesLedger } from '../../service/domain/ledgers/cases/definition.ts';
import { reportWorkbook } from '../../service/reports/workbook.ts';
import { NOTE_MARK } from '../../service/workbook/annotation-writer.ts';
import { buildTemplate } from '../../service/workbook/template.ts';
import { reportOf } from '../domain/report/rows.ts';
import { bureau } from '../domain/report/bureau.ts';
import { convertFile, convertToPdf, pdfPages, sofficeCommand } from '../helpers/office-convert.ts';
import { Sandbox, type TestService } from '../helpers/service.ts';
import {
  annotate,
  annotatedWorkbook,
  CLERK_HEADER_ROW,
  CLERK_ROWS,
  CLERK_SHEET,
  clerkWorkbook,
  invalidXmlParts,
  loadWorkbook,
  noteText,
} from '../helpers/workbooks.ts';

interface PrintParts {
  sheet: string;
  workbook: string;
}

/** The first sheet's XML and the workbook's (where the print titles are a defined name). */
async function printParts(file: Buffer, sheetIndex = 1): Promise<PrintParts> {
  const zip = await JSZip.loadAsync(file);
  const read = async (name: string) => {
    const part = zip.file(name);
    assert.ok(part, `${name} missing`);
    return part.async('string');
  };
  return { sheet: await read(`xl/worksheets/sheet${sheetIndex}.xml`), workbook: await read('xl/workbook.xml') };
}

function assertA4LandscapeOnePageWide(parts: PrintParts): void {
  const setup = /<pageSetup\b[^>]*>/.exec(parts.sheet)?.[0] ?? '';
  for (const attribute of ['paperSize="9"', 'orientation="landscape"', 'fitToWidth="1"', 'fitToHeight="0"'])
    assert.ok(setup.includes(attribute), `${attribute} in ${setup}`);
  assert.match(parts.sheet, /<sheetPr[^>]*>[\s\S]*<pageSetUpPr fitToPage="1"\/>/);
}

function printTitles(parts: PrintParts): string {
  const titles = /<definedName name="_xlnm\.Print_Titles"[^>]*>([^<]*)<\/definedName>/.exec(parts.workbook)?.[1] ?? '';
  return titles.replace(/&apos;/g, "'");
}

function footer(parts: PrintParts): string {
  return /<oddFooter>([^<]*)<\/oddFooter>/.exec(parts.sheet)?.[1] ?? '';
}

describe('print layout of the workbooks the service makes', () => {
  it('the empty template: A4 landscape one page wide, its header row on every page, the ledger’s name and page numbers', async () => {
    const file = await buildTemplate(casesLedger);
    const parts = await printParts(file);
    assertA4LandscapeOnePageWide(parts);
    assert.match(printTitles(parts), /^'?执行案件流转台账'?!\$1:\$1$/);
    assert.equal(footer(parts), '&amp;L执行案件流转台账&amp;R第 &amp;P 页，共 &amp;N 页');
    assert.match(parts.sheet, /<oddHeader>&amp;C&amp;&quot;-,Bold&quot;&amp;12执行案件流转台账<\/oddHeader>/);
    const sheet = (await loadWorkbook(file)).worksheets[0];
    assert.equal(sheet.getCell('A1').border?.bottom?.style, 'thin');
  });

  it('the empty cases template prints on one page where LibreOffice can tell (it printed on 9 portrait pages before)', async function () {
    this.timeout(180_000);
    const soffice = sofficeCommand();
    if (!soffice) {
      console.log('      未安装 LibreOffice（soffice），跳过按 PDF 页数检查打印效果');
      this.skip();
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-print-'));
    try {
      await writeFile(path.join(dir, 'cases.xlsx'), await buildTemplate(casesLedger));
      const pdf = await readFile(convertToPdf(soffice, path.join(dir, 'cases.xlsx'), dir));
      assert.equal(pdfPages(pdf), 1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe('an annotated sheet', () => {
    const sandbox = new Sandbox();
    let service: TestService;
    before(async () => {
      service = await sandbox.start();
    });
    after(() => sandbox.cleanUp());

    it('prints its header row on every page, one page wide, the system cells of each data row ruled', async () => {
      const reply = await annotate(service, await clerkWorkbook());
      const parts = await printParts(reply.file);
      assertA4LandscapeOnePageWide(parts);
      assert.match(printTitles(parts), new RegExp(`^'?${CLERK_SHEET}'?!\\$${CLERK_HEADER_ROW}:\\$${CLERK_HEADER_ROW}$`));
      assert.match(footer(parts), /执行案件流转台账.*第 &amp;P 页，共 &amp;N 页/);
      const sheet = (await annotatedWorkbook(reply)).getWorksheet(CLERK_SHEET);
      assert.ok(sheet);
      const alert = sheet.getRow(CLERK_HEADER_ROW).values as unknown[];
      const alertColumn = alert.indexOf('预警');
      assert.ok(alertColumn > 0);
      assert.equal(sheet.getCell(CLERK_ROWS.overdue, alertColumn).border?.left?.style, 'thin');
    });

    it('opens in LibreOffice with the clerk’s cells and the statuses, and prints', async function () {
      this.timeout(300_000);
      const soffice = sofficeCommand();
      if (!soffice) {
        console.log('      未安装 LibreOffice（soffice），跳过用 LibreOffice 打开标注结果的检查');
        this.skip();
      }
      const dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-annotated-'));
      try {
        const xlsx = path.join(dir, 'annotated.xlsx');
        await writeFile(xlsx, (await annotate(service, await clerkWorkbook())).file);
        const csv = await readFile(convertFile(soffice, xlsx, dir, 'csv:Text - txt - csv (StarCalc):44,34,76'), 'utf8');
        const overdue = csv.split('\n').find((line) => line.includes('（2026）豫0102执1234号')) ?? '';
        for (const shown of ['某银行股份有限公司', '张三', '速执团队', '初次接待', '超期'])
          assert.ok(overdue.includes(shown), `${shown} in ${overdue}`);
        assert.ok(pdfPages(await readFile(convertToPdf(soffice, xlsx, dir))) >= 1);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('annotates, twice, a workbook LibreOffice saved: valid XML, the clerk’s note once, LibreOffice opens it', async function () {
      this.timeout(300_000);
      const soffice = sofficeCommand();
      if (!soffice) {
        console.log('      未安装 LibreOffice（soffice），跳过标注 LibreOffice 保存的工作簿的检查');
        this.skip();
      }
      const dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-libreoffice-'));
      try {
        const clerk = path.join(dir, 'clerk.xlsx');
        await writeFile(clerk, await clerkWorkbook());
        const saved = await readFile(convertFile(soffice, clerk, path.join(dir, 'saved'), 'xlsx:Calc MS Excel 2007 XML'));
        const once = await annotate(service, saved);
        const twice = await annotate(service, once.file);
        assert.deepEqual(await invalidXmlParts(twice.file), []);
        const sheet = (await annotatedWorkbook(twice)).getWorksheet(CLERK_SHEET);
        assert.ok(sheet);
        assert.equal(noteText(sheet.getCell(`C${CLERK_ROWS.invalid}`)), `待核实\n${NOTE_MARK}\n立案日期「2026-02-30」不是存在的日期`);
        const xlsx = path.join(dir, 'twice.xlsx');
        await writeFile(xlsx, twice.file);
        const csv = await readFile(convertFile(soffice, xlsx, dir, 'csv:Text - txt - csv (StarCalc):44,34,76'), 'utf8');
        assert.ok(
          csv.split('\n').some((line) => line.includes('（2026）豫0102执1234号') && line.includes('超期')),
          csv.slice(0, 400),
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });

  it('the weekly report: the overdue list starts a page, its header repeats on its pages, its rows ruled', async () => {
    const file = await reportWorkbook(reportOf('2026-W20', '2026-05-17', bureau()));
    const parts = await printParts(file);
    assertA4LandscapeOnePageWide(parts);
    const sheet = (await loadWorkbook(file)).worksheets[0];
    let caption = 0;
    sheet.eachRow((row, number) => {
      if (String(row.getCell(1).value).startsWith('七、超期节点清单')) caption = number;
    });
    assert.ok(caption > 0);
    assert.match(printTitles(parts), new RegExp(`!\\$${caption + 1}:\\$${caption + 1}$`));
    assert.match(parts.sheet, new RegExp(`<rowBreaks[^>]*><brk id="${caption - 1}"`));
    assert.match(footer(parts), /周通报 2026-W20.*第 &amp;P 页，共 &amp;N 页/);
    const width = (sheet.getRow(caption + 1).values as unknown[]).filter((value) => value !== undefined).length;
    for (let column = 1; column <= width; column++) assert.equal(sheet.getCell(caption + 2, column).border?.bottom?.style, 'thin');
  });
});
