// The 分案清单 as the pure core makes it from evaluated rows: who is on it, in which order, each
// cell in one form; and which days have a list.

import assert from 'node:assert/strict';
import { packageHolidayData } from '../../service/calendar-source.ts';
import { assignmentList, listColumnsOf, pageOf, type AssignedRow } from '../../service/domain/assignment-list.ts';
import { Calendar } from '../../service/domain/calendar.ts';
import { casesLedger } from '../../service/domain/ledgers/cases/definition.ts';
import { lastListDay, workingDaysBetween } from '../../service/domain/list-days.ts';

const ledger = { ...casesLedger, assignment: casesLedger.assignment! };
const calendar = new Calendar(packageHolidayData());

function row(rowId: string, values: Record<string, unknown>, status: Record<string, string | number | null>, raw = {}): AssignedRow {
  return {
    rowId,
    values: { triagedOn: '2026-10-20', closedOn: null, ...values } as AssignedRow['values'],
    raw,
    status: { team: '速执团队', ...status },
  };
}

describe('the 分案清单 from evaluated rows', () => {
  const rows = [
    row('a', { caseNo: '（2026）豫0102执10号' }, { alert: '正常', daysLeft: 30 }),
    row('b', { caseNo: '（2026）豫0102执9号' }, { alert: '正常', daysLeft: 30 }),
    row('c', { caseNo: '（2026）豫0102执3号' }, { alert: '临期', daysLeft: 2 }),
    row('d', { caseNo: '（2026）豫0102执4号' }, { alert: '超期', daysLeft: -3 }),
    row('e', { caseNo: '（2026）豫0102执5号' }, { alert: '超期', daysLeft: -40 }),
    // The worst node is overdue though the current one has days left: 超期 still comes first.
    row('f', { caseNo: '（2026）豫0102执6号' }, { alert: '超期', daysLeft: 5 }),
    row('g', { caseNo: '（2026）豫0102执7号', closedOn: '2026-10-20' }, { alert: '超期', daysLeft: -1 }),
    row('h', { caseNo: '（2026）豫0102执8号', triagedOn: '2026-10-19' }, { alert: '正常', daysLeft: 1 }),
    row('i', { caseNo: '（2026）豫0102执11号' }, { alert: '超期', daysLeft: -99, team: '特执团队' }),
    row('j', { caseNo: '（2026）豫0102执12号', triagedOn: null }, { alert: '超期', daysLeft: -99 }),
  ];

  it('puts 超期 first, then 临期, then 正常, each by days left, ties by case number as filed', () => {
    const list = assignmentList(ledger, rows, { team: '速执团队', date: null, asOf: '2026-10-20' });
    assert.deepEqual(
      list.rows.map((each) => each.rowId),
      ['e', 'd', 'f', 'c', 'h', 'b', 'a'],
    );
    assert.deepEqual([list.overdue, list.dueSoon], [3, 1]);
  });

  it('holds a day’s assignments, closed ones too, and no other team’s or unassigned row', () => {
    const list = assignmentList(ledger, rows, { team: '速执团队', date: '2026-10-20', asOf: '2026-10-20' });
    assert.deepEqual(list.rows.map((each) => each.rowId).sort(), ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('shows a value the service could not read as typed, and masks identity numbers', () => {
    const list = assignmentList(
      ledger,
      [
        row(
          'x',
          { caseNo: null, respondent: '李四（410102199001011237）', respondentId: null },
          { alert: '正常', daysLeft: 3 },
          { caseNo: '豫0102执1号' },
        ),
      ],
      { team: '速执团队', date: null, asOf: '2026-10-20' },
    );
    assert.equal(list.rows[0].cells.caseNo, '豫0102执1号');
    assert.equal(list.rows[0].cells.respondent, '李四（4101**********1237）');
  });

  it('names its columns by the definition’s headers, dates and numbers typed as such', () => {
    const columns = listColumnsOf(ledger);
    assert.deepEqual(
      columns.filter((column) => column.type !== 'text').map((column) => `${column.header}:${column.type}`),
      ['立案日期:date', '分流日期:date', '结案期限:date', '节点期限:date', '剩余天数:integer'],
    );
  });

  it('pages from 1, a page past the end giving the last', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ rowId: String(i), cells: {} }));
    assert.deepEqual(
      [pageOf(many, 1, 50).rows.length, pageOf(many, 3, 50).rows.length, pageOf(many, 9, 50).page, pageOf([], 1, 50).pages],
      [50, 20, 3, 1],
    );
  });
});

describe('the days with a 分案清单', () => {
  it('is today from the set time of a working day, else the working day before', () => {
    const at = 17 * 60 + 30;
    assert.equal(lastListDay('2026-10-20', at, at, calendar), '2026-10-20');
    assert.equal(lastListDay('2026-10-20', at - 1, at, calendar), '2026-10-19');
    assert.equal(lastListDay('2026-10-25', 20 * 60, at, calendar), '2026-10-23', 'a Sunday: the Friday before');
    assert.equal(lastListDay('2026-10-08', 9 * 60, at, calendar), '2026-09-30', 'the morning after National Day');
  });

  it('counts the working days between two days, the 调休 Saturday among them', () => {
    assert.deepEqual(workingDaysBetween('2026-09-30', '2026-10-12', calendar), ['2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12']);
  });
});
