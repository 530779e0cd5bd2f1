// The add-in's Excel layer against office-addin-mock: what it queues, how often it syncs, and
// what it leaves out where this Excel lacks the chart API.

import assert from 'node:assert/strict';
import officeAddinMock from 'office-addin-mock';
import { writeReportSheet } from '../../addin/excel/write-report-sheet.ts';
import { reportSheet } from '../../addin/report-sheet.ts';
import { bureau } from '../domain/report/bureau.ts';
import { reportOf } from '../domain/report/rows.ts';

const { OfficeMockObject } = officeAddinMock;

interface FakeRange {
  address: string;
  values?: unknown;
  numberFormat?: unknown;
  format: { font: { bold?: boolean; size?: number }; fill: { color?: string }; columnWidth?: number };
}

interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  title: { text?: string };
  position?: [string, string];
  setPosition(topLeft: string, bottomRight: string): void;
}

/** A workbook with a ledger sheet and, when asked, last run's sheet of the same week. */
function workbook(existing: string[]) {
  const log = {
    added: [] as string[],
    deleted: [] as string[],
    renamed: [] as string[],
    activated: [] as string[],
    ranges: new Map<string, FakeRange>(),
    charts: [] as FakeChart[],
    syncs: 0,
  };
  const sheet = (initial: string) => {
    const fake = {
      get name() {
        return current;
      },
      set name(value: string) {
        log.renamed.push(`${current} → ${value}`);
        current = value;
      },
      getRange(address: string): FakeRange {
        const range: FakeRange = log.ranges.get(address) ?? { address, format: { font: {}, fill: {} } };
        log.ranges.set(address, range);
        return range;
      },
      charts: {
        add(type: string, source: FakeRange, seriesBy: string): FakeChart {
          const chart: FakeChart = {
            type,
            source: source.address,
            seriesBy,
            title: {},
            setPosition(topLeft, bottomRight) {
              chart.position = [topLeft, bottomRight];
            },
          };
          log.charts.push(chart);
          return chart;
        },
      },
      delete: () => log.deleted.push(current),
      activate: () => log.activated.push(current),
    };
    let current = initial;
    return fake;
  };
  const data = {
    context: {
      workbook: {
        worksheets: {
          items: existing.map(sheet),
          add(name: string) {
            log.added.push(name);
            return sheet(name);
          },
        },
      },
    },
    run: async function (this: { context: unknown }, callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  const excel = new OfficeMockObject(data) as unknown as { context: { sync(): Promise<void> }; ChartType: unknown; ChartSeriesBy: unknown };
  const sync = excel.context.sync.bind(excel.context);
  excel.context.sync = async () => {
    log.syncs += 1;
    await sync();
  };
  excel.ChartType = { columnClustered: 'ColumnClustered' };
  excel.ChartSeriesBy = { columns: 'Columns' };
  return { excel, log };
}

function install(excel: unknown, supported: string[]) {
  Object.assign(globalThis, {
    Excel: excel,
    Office: {
      context: { requirements: { isSetSupported: (name: string, version: string) => name === 'ExcelApi' && supported.includes(version) } },
    },
  });
}

describe('add-in: writing the 周通报 sheet (office-addin-mock)', () => {
  const report = reportOf('2026-W20', '2026-05-17', bureau());
  const plan = reportSheet(report);

  afterEach(() => {
    delete (globalThis as Record<string, unknown>).Excel;
    delete (globalThis as Record<string, unknown>).Office;
  });

  it('writes the whole sheet in one write sync after one read, with a native column chart of the teams', async () => {
    const { excel, log } = workbook(['执行案件流转台账']);
    install(excel, ['1.1', '1.2']);
    assert.deepEqual(await writeReportSheet(report), { name: '周通报 2026-W20', chart: true });
    assert.equal(log.syncs, 2, 'one sync to read the sheet names, one to write');
    assert.deepEqual(log.added, ['周通报 2026-W20']);
    const range = log.ranges.get(plan.address)!;
    assert.deepEqual(range.values, plan.values);
    assert.deepEqual(range.numberFormat, plan.numberFormats);
    assert.equal(log.ranges.get('A1')!.format.font.size, 16);
    assert.equal(log.ranges.get('A5:H5')!.format.fill.color, '#D9E1F2');
    assert.equal(log.ranges.get('A:A')!.format.columnWidth, plan.columnWidths[0].points);
    assert.deepEqual(
      log.charts.map(({ type, source, seriesBy, title, position }) => ({ type, source, seriesBy, title: title.text, position })),
      [{ type: 'ColumnClustered', source: 'A5:F9', seriesBy: 'Columns', title: '周通报 2026-W20 各团队收结案', position: ['J5', 'R20'] }],
    );
    assert.deepEqual(log.activated, ['周通报 2026-W20']);
    assert.deepEqual(log.deleted, []);
  });

  it('replaces the sheet of the same week: the old one is renamed out of the way and deleted once the new one is there', async () => {
    const { excel, log } = workbook(['周通报 2026-W20', '周通报 2026-W20（旧）']);
    install(excel, ['1.1']);
    await writeReportSheet(report);
    assert.deepEqual(log.renamed, ['周通报 2026-W20 → 周通报 2026-W20（旧）2']);
    assert.deepEqual(log.added, ['周通报 2026-W20']);
    assert.deepEqual(log.deleted, ['周通报 2026-W20（旧）2']);
    assert.equal(log.ranges.get('A:A'), undefined, 'no column widths without ExcelApi 1.2');
  });

  it('writes the table alone where this Excel has no chart API', async () => {
    const { excel, log } = workbook(['执行案件流转台账']);
    install(excel, []);
    assert.deepEqual(await writeReportSheet(report), { name: '周通报 2026-W20', chart: false });
    assert.deepEqual(log.charts, []);
    assert.deepEqual(log.ranges.get(plan.address)!.values, plan.values);
  });
});
