// 终本 screening (SPEC §5.1): a new case whose respondent had another case closed by 终结本次执行程序
// in the months before this filing. Two cases are the same respondent by 证件号 when both have one,
// and by the exact name when either lacks it: a case entered with a name only still matches.

import { addMonths, asDate, type CivilDate } from '../../civil-date.ts';
import type { LedgerView, RowIndexDef, RowValues } from '../../ledger.ts';
import type { Problem } from '../../problem.ts';

const TERMINATED = '终结本次执行程序';

interface TerminatedCase {
  caseNo: string;
  closedOn: CivilDate;
  respondentId: string | null;
}

interface Respondent {
  name: string | null;
  id: string | null;
}

const respondentOf = (values: RowValues): Respondent => ({
  name: typeof values.respondent === 'string' ? values.respondent : null,
  id: typeof values.respondentId === 'string' ? values.respondentId : null,
});

/** Cases closed by 终本, by respondent: `id:` + 证件号 and `name:` + 名称. */
const terminatedByRespondent: RowIndexDef<TerminatedCase> = {
  name: 'terminatedByRespondent',
  entries(values) {
    const closedOn = asDate(values.closedOn);
    if (values.closureMode !== TERMINATED || !closedOn) return [];
    const { name, id } = respondentOf(values);
    const entry = { caseNo: String(values.caseNo ?? ''), closedOn, respondentId: id };
    const keys = [...(id ? [`id:${id}`] : []), ...(name ? [`name:${name}`] : [])];
    return keys.map((key) => [key, entry]);
  },
};

type Match = { rowId: string; value: TerminatedCase; by: 'id' | 'name' };

/** The earlier 终本 cases of the same respondent: by 证件号 when both have one, else by name. */
function sameRespondent(respondent: Respondent, view: LedgerView): Match[] {
  const byId: Match[] = respondent.id
    ? view.lookup('cases', terminatedByRespondent, `id:${respondent.id}`).map((hit) => ({ ...hit, by: 'id' }))
    : [];
  const byName: Match[] = respondent.name
    ? view
        .lookup('cases', terminatedByRespondent, `name:${respondent.name}`)
        .filter((hit) => !respondent.id || !hit.value.respondentId)
        .map((hit) => ({ ...hit, by: 'name' }))
    : [];
  return [...byId, ...byName];
}

/** How the two cases were found to be the same respondent, for the clerk to check. */
function describeMatch(match: Match, respondent: Respondent): string {
  if (match.by === 'id') return '证件号相同';
  if (!respondent.id && !match.value.respondentId) return '名称相同，两案均未填证件号';
  return respondent.id ? '名称相同，该案未填证件号' : '名称相同，本案未填证件号';
}

export function screenClosedCases(rowId: string, values: RowValues, view: LedgerView, months: number): Problem[] {
  const filedOn = asDate(values.filedOn);
  if (!filedOn) return [];
  const respondent = respondentOf(values);
  const since = addMonths(filedOn, -months).date;
  const hits = sameRespondent(respondent, view).filter(
    (hit) => hit.rowId !== rowId && hit.value.closedOn >= since && hit.value.closedOn <= filedOn,
  );
  const who = `被执行人「${respondent.name ?? respondent.id}」`;
  return hits.map((hit) => ({
    column: hit.by === 'id' ? 'respondentId' : 'respondent',
    level: 'warning' as const,
    message:
      `${who}的${hit.value.caseNo}已于 ${hit.value.closedOn} 终结本次执行程序（立案前${months}个月内），` +
      `请核查是否应恢复执行（${describeMatch(hit, respondent)}）`,
  }));
}
