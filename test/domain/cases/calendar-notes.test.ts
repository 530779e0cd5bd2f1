// Issue 13: with no 2027 holiday data an 8,000-row upload flagged 3,635 rows in 校验意见. The note now
// reaches a row only when the node it concerns is the row's current node and is due within 60 days;
// every node's steps still say how it was counted.

import assert from 'node:assert/strict';
import { addDays, diffDays } from '../../../service/domain/civil-date.ts';
import { CALENDAR_NOTE_DAYS } from '../../../service/domain/nodes.ts';
import { BASE_CASE, evaluateCase } from '../../helpers/cases.ts';

const AS_OF = '2026-12-01';
const NO_DATA = '2027年无节假日数据';

/** 8,000 cases filed through 2026, at every stage: some just filed, most triaged, a fifth closed. */
function cases(): Array<Record<string, string | number>> {
  return Array.from({ length: 8_000 }, (_, index) => {
    const filedOn = addDays('2026-01-05', index % 330);
    const row: Record<string, string | number> = {
      ...BASE_CASE,
      caseNo: `（2026）豫0102执${index + 1}号`,
      filedOn,
      amount: [20_000, 100_000, 900_000][index % 3],
    };
    if (index % 7 === 0) return row;
    Object.assign(row, { receptionOn: filedOn, noticeIssuedOn: addDays(filedOn, 2), transferredOn: addDays(filedOn, 3) });
    if (index % 11 !== 0) row.triagedOn = addDays(filedOn, 4);
    if (index % 5 === 0) row.closedOn = addDays(filedOn, 40);
    return row;
  }).filter((row) => !row.closedOn || row.closedOn <= AS_OF);
}

/** The rule: the current node's own note while it is due within 60 days; the statutory one for 结案 when both are. */
function expectsNote(result: ReturnType<typeof evaluateCase>): boolean {
  const current = result.nodes.find((node) => node.name === result.status.nextNode && node.dueOn === result.status.nextDue);
  if (!current) return false;
  const within = (date: string) => diffDays(date, AS_OF) <= CALENDAR_NOTE_DAYS;
  if (!within(current.dueOn)) return false;
  if (current.steps.includes(NO_DATA)) return true;
  const statutory = String(result.status.statutoryDue ?? '');
  return current.id === 'close' && statutory >= '2027-01-01' && within(statutory);
}

describe('the calendar-gap note in 校验意见 (no 2027 holiday data)', function () {
  this.timeout(120_000);

  it('reaches only the rows whose current node is due within 60 days, while every node’s steps still say it', () => {
    let flaggedBefore = 0;
    let flagged = 0;
    let expected = 0;
    let stepsSayIt = 0;
    for (const raw of cases()) {
      const result = evaluateCase(raw, { asOf: AS_OF });
      const counted = result.nodes.filter((node) => node.steps.includes(`按周末推算（${NO_DATA}）`));
      stepsSayIt += counted.length;
      for (const node of result.nodes.filter((candidate) => candidate.dueOn >= '2027-01-01'))
        assert.ok(counted.includes(node), `${raw.caseNo} ${node.name}: ${node.steps}`);
      // Before: any node counted into 2027, or a statutory deadline there, put the note in the row.
      if (counted.length > 0 || (result.status.statutoryDue ?? '') >= '2027-01-01') flaggedBefore++;
      const noted = result.errors.some((problem) => problem.level === 'warning' && problem.message.includes(NO_DATA));
      if (noted) flagged++;
      const concerns = expectsNote(result);
      if (concerns) expected++;
      assert.equal(noted, concerns, `${raw.caseNo}: ${JSON.stringify({ status: result.status, errors: result.errors })}`);
    }
    console.log(
      `      8,000 行中：以前 ${flaggedBefore} 行带节假日数据提示，现在 ${flagged} 行（当前节点 60 日内到期）；${stepsSayIt} 个节点的计算过程注明按周末推算`,
    );
    assert.equal(flagged, expected);
    assert.ok(flaggedBefore > 2_000, `before: ${flaggedBefore}`);
    assert.ok(flagged < flaggedBefore / 4, `now ${flagged}, before ${flaggedBefore}`);
  });
});
