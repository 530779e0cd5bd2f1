// The weekly report's xlsx, opened back with exceljs and read cell by cell.

import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { reportWorkbook } from '../../service/reports/workbook.ts';
import { bureau } from '../domain/report/bureau.ts';
import { reportOf } from '../domain/report/rows.ts';
import { invalidXmlParts } from '../helpers/workbooks.ts';

async function opened(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  assert.equal(workbook.worksheets.length, 1);
  return workbook.worksheets[0];
}

/** The row numbers (1-based) whose first cell is the given text. */
function rowOf(sheet: ExcelJS.Worksheet, first: string): number {
  for (let r = 1; r <= sheet.rowCount; r += 1) if (sheet.getCell(r, 1).value === first) return r;
  throw new Error(`no row starting with ${first}`);
}

const values = (sheet: ExcelJS.Worksheet, r: number, width: number) =>
  Array.from({ length: width }, (_, c) => sheet.getCell(r, c + 1).value);

describe('weekly report xlsx', () => {
  let sheet: ExcelJS.Worksheet;

  before(async () => {
    sheet = await opened(await reportWorkbook(reportOf('2026-W20', '2026-05-17', bureau())));
  });

  it('has the title, the week, and prints A4 landscape one page wide', () => {
    assert.equal(sheet.name, '周通报 2026-W20');
    assert.equal(sheet.getCell('A1').value, '周通报 2026-W20');
    assert.match(String(sheet.getCell('A2').value), /^统计周：2026-05-11 至 2026-05-17；数据截至 2026-05-17/);
    assert.deepEqual(
      [sheet.pageSetup.paperSize, sheet.pageSetup.orientation, sheet.pageSetup.fitToPage, sheet.pageSetup.fitToWidth],
      [9, 'landscape', true, 1],
    );
  });

  it('has one block per section, in order, each with its Chinese header row', () => {
    const captions = [
      '一、各团队收结案情况',
      '二、流程节点',
      '三、繁简分流',
      '四、案款',
      '五、强制措施与惩戒',
      '六、归档',
      '七、超期节点清单（截至 2026-05-17，共 33 项）',
      '说明',
    ];
    const rows = captions.map((caption) => rowOf(sheet, caption));
    assert.deepEqual(
      [...rows].sort((a, b) => a - b),
      rows,
    );
    assert.deepEqual(values(sheet, rows[0] + 1, 8), [
      '团队',
      '本周收案（分流）',
      '本周结案',
      '未结',
      '超期未结',
      '临期',
      '结案率',
      '首执平均用时（日）',
    ]);
    assert.deepEqual(values(sheet, rows[6] + 1, 7), ['台账', '案号', '节点', '期限', '超期天数', '承办团队', '承办人']);
    assert.equal(sheet.getCell(rows[0] + 1, 1).font?.bold, true);
  });

  it('holds the figures as numbers with number formats, a missing average as —', () => {
    const fast = rowOf(sheet, '速执团队');
    assert.deepEqual(values(sheet, fast, 8), ['速执团队', 40, 10, 50, 8, 5, 0.25, 24]);
    assert.equal(sheet.getCell(fast, 7).numFmt, '0.00%');
    assert.deepEqual(values(sheet, rowOf(sheet, '特执团队'), 8), ['特执团队', 9, 0, 9, 0, 0, 0, '—']);
    const amount = rowOf(sheet, '本周到账金额（元）');
    assert.deepEqual([sheet.getCell(amount, 2).value, sheet.getCell(amount, 2).numFmt], [101_001, '#,##0.00']);
    assert.equal(sheet.getCell(rowOf(sheet, '待解除、待删除、待撤控（项）'), 2).value, 6);
    assert.equal(sheet.getCell(rowOf(sheet, '其中：分流调整'), 3).value, 3);
  });

  it('lists every overdue node, with identity numbers masked', () => {
    const first = rowOf(sheet, '七、超期节点清单（截至 2026-05-17，共 33 项）') + 2;
    assert.deepEqual(values(sheet, first, 5), ['执行案件流转台账', sheet.getCell(first, 2).value, '归档', '2026-03-23', 55]);
    const handlers = Array.from({ length: 32 }, (_, i) => String(sheet.getCell(first + i, 7).value));
    assert.ok(handlers.includes('张法官 1101**********002X'));
    for (let r = 1; r <= sheet.rowCount; r += 1) {
      sheet.getRow(r).eachCell((cell) => assert.ok(!String(cell.value).includes('11010519491231002X'), `row ${r}`));
    }
  });

  it('writes text that starts with = + - @, after blanks or in full width, as text, never as a formula', async () => {
    const risky = [
      '=HYPERLINK("http://x","点")',
      '+86 123',
      '-1+1',
      '@SUM(A1)',
      ' =1+1',
      '\t=cmd',
      '\n@SUM(A1)',
      '＝1+1',
      '＋1',
      '－1',
      '＠x',
    ];
    const cases = risky.map((handler, index) => ({
      caseNo: `（2026）豫0102执${index + 1}号`,
      filedOn: '2026-04-01',
      respondent: '甲',
      receptionOn: '2026-04-01',
      handler,
    }));
    const risk = await opened(await reportWorkbook(reportOf('2026-W20', '2026-05-17', { cases })));
    // The report lists a 承办人 as entered, trimmed.
    const listed = risky.map((text) => text.trim());
    const written: string[] = [];
    for (let r = 1; r <= risk.rowCount; r += 1) {
      risk.getRow(r).eachCell((cell) => {
        assert.notEqual(cell.type, ExcelJS.ValueType.Formula, `row ${r}`);
        if (listed.includes(String(cell.value))) {
          assert.equal(cell.type, ExcelJS.ValueType.String);
          assert.equal(cell.numFmt, '@');
          written.push(String(cell.value));
        }
      });
    }
    assert.deepEqual(new Set(written), new Set(listed), 'each handler is listed with its overdue 执行通知');
  });

  it('is valid XML when a 承办人 holds U+FFFE, U+FFFF, a lone surrogate or a control character', async () => {
    const cases = [
      {
        caseNo: '（2026）豫0102执1号',
        filedOn: '2026-04-01',
        respondent: '甲',
        receptionOn: '2026-04-01',
        handler: '李\uFFFE四\uFFFF\uD800\u0001',
      },
    ];
    const file = await reportWorkbook(reportOf('2026-W20', '2026-05-17', { cases }));
    assert.deepEqual(await invalidXmlParts(file), []);
    const back = await opened(file);
    const handlers: unknown[] = [];
    back.eachRow((row) => row.eachCell((cell) => String(cell.value).startsWith('李') && handlers.push(cell.value)));
    assert.deepEqual(new Set(handlers), new Set(['李四']));
  });
});
