// The annotator over several ledgers: each sheet is synced only when its user may write that
// ledger (SPEC §8); a sheet it may not write, or a hidden one, is reported and left as it was.

import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { AnyLedger } from '../../service/domain/ledger.ts';
import { casesLedger } from '../../service/domain/ledgers/cases/definition.ts';
import { LedgerService } from '../../service/ledger-service.ts';
import { SettingsHolder } from '../../service/settings.ts';
import { MemoryStore } from '../../service/store/memory-store.ts';
import { WorkbookAnnotator } from '../../service/workbook/annotate.ts';
import { WorkbookRefusal } from '../../service/workbook/limits.ts';
import { cellFacts, loadWorkbook, saveWorkbook } from '../helpers/workbooks.ts';

/** A general-affairs ledger of the kind colleagues add: its own key, writers and phase column. */
const detentions: AnyLedger = {
  id: 'test-detentions',
  name: '测试拘留台账',
  key: ['caseNo', 'person'],
  columns: [
    { id: 'caseNo', header: '案号', type: 'caseNo', required: true },
    { id: 'person', header: '被拘留人', type: 'text', required: true },
    { id: 'days', header: '拘留天数', type: 'integer', min: 1, max: 15 },
  ],
  systemColumns: [{ id: 'endOn', header: '期满日期', type: 'date' }],
  phaseHeader: '状态',
  nodes: [],
  writers: ['general'],
  owner: 'general',
  caseColumns: { caseNo: 'caseNo', party: 'person' },
  defaultRules: { nodes: {} },
  rulesSchema: z.any(),
  evaluate: () => ({
    status: { endOn: '2026-10-09', phase: '在押', nextNode: null, nextDue: null, daysLeft: null, alert: null },
    nodes: [],
    problems: [],
    fixed: undefined,
  }),
};

async function twoLedgerWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const cases = workbook.addWorksheet('案件');
  cases.addRow(['案号', '立案日期', '被执行人']);
  cases.addRow(['（2026）豫0102执1号', '2026-09-24', '张三']);
  const detained = workbook.addWorksheet('拘留');
  detained.addRow(['案号', '被拘留人', '拘留天数']);
  detained.addRow(['（2026）豫0102执1号', '张三', 20]);
  const hidden = workbook.addWorksheet('旧表', { state: 'hidden' });
  hidden.addRow(['案号', '立案日期', '被执行人']);
  hidden.addRow(['（2025）豫0102执9号', '2025-09-24', '李四']);
  return saveWorkbook(workbook);
}

describe('annotating a workbook with several ledgers', () => {
  let store: MemoryStore;
  let annotator: WorkbookAnnotator;

  beforeEach(async () => {
    store = new MemoryStore(['cases', detentions.id]);
    const settings = await SettingsHolder.load(store.documents);
    annotator = new WorkbookAnnotator(new LedgerService(store, settings.get, 'Asia/Shanghai'), [casesLedger, detentions], 'Asia/Shanghai');
  });
  afterEach(async () => {
    await store.close();
  });

  it('syncs the sheets the user may write and reports the others, leaving them as they were', async () => {
    const input = await twoLedgerWorkbook();
    const { workbook, summary } = await annotator.annotate(input, { name: '文书', roles: ['affairs'] }, '2026-10-05');

    assert.deepEqual(
      summary.sheets.map((sheet) => [sheet.sheet, sheet.ledger?.id, sheet.rows, sheet.notAnnotated]),
      [
        ['案件', 'cases', 1, null],
        ['拘留', detentions.id, 0, '用户「文书」（角色：执行事务中心）无权写入测试拘留台账，本表未同步'],
        ['旧表', 'cases', 0, '工作表是隐藏的，未处理；如需标注，请先取消隐藏'],
      ],
    );
    assert.equal(store.rows('cases').size, 1);
    assert.equal(store.rows(detentions.id).size, 0);

    const [before, after] = [await loadWorkbook(input), await loadWorkbook(workbook)];
    for (const name of ['拘留', '旧表']) {
      const [was, is] = [before.getWorksheet(name)!, after.getWorksheet(name)!];
      assert.equal(is.columnCount, was.columnCount, name);
      was.eachRow((row, rowNumber) =>
        row.eachCell((cell, column) => assert.deepEqual(cellFacts(is.getCell(rowNumber, column)), cellFacts(cell))),
      );
    }
    assert.equal(after.getWorksheet('案件')!.getCell('D1').value, '承办团队');
  });

  it('writes a ledger’s own system columns and its phase for the user who may write it', async () => {
    const { workbook } = await annotator.annotate(await twoLedgerWorkbook(), { name: '综合', roles: ['general'] }, '2026-10-05');
    const sheet = (await loadWorkbook(workbook)).getWorksheet('拘留')!;
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), [
      '案号',
      '被拘留人',
      '拘留天数',
      '期满日期',
      '状态',
      '当前节点',
      '节点期限',
      '剩余天数',
      '预警',
      '校验意见',
      '行ID',
      '版本',
    ]);
    assert.equal(sheet.getCell('E2').value, '在押');
    assert.deepEqual(sheet.getCell('D2').value, new Date(Date.UTC(2026, 9, 9)));
    assert.match(String(sheet.getCell('J2').value), /拘留天数「20」应在 1 至 15 之间/);
    assert.equal(store.rows('cases').size, 0);
  });

  it('refuses with 403 when the user may write none of the ledgers found', async () => {
    await assert.rejects(
      annotator.annotate(await twoLedgerWorkbook(), { name: '查阅', roles: ['viewer'] }, '2026-10-05'),
      (error: unknown) => {
        assert.ok(error instanceof WorkbookRefusal);
        assert.equal(error.status, 403);
        assert.match(error.message, /无权写入执行案件流转台账/);
        assert.match(error.message, /无权写入测试拘留台账/);
        return true;
      },
    );
  });
});
