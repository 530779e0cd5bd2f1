// Realistic case rows for benchmarks: varied teams, dates, amounts and some closed cases.

import { addDays } from '../service/domain/civil-date.ts';

const CAUSES = ['民间借贷纠纷', '买卖合同纠纷', '信用卡纠纷', '金融借款合同纠纷', '劳动争议', '罚金'];
const TAGS = ['', '', '', '简易', '涉营商环境', '过户', '自动履行'];

export function caseRows(count: number): Array<{ values: Record<string, string | number> }> {
  return Array.from({ length: count }, (_, index) => {
    const filedOn = addDays('2026-01-05', index % 300);
    const closed = index % 5 === 0;
    return {
      values: {
        caseNo: `（2026）豫0102执${index + 1}号`,
        filedOn,
        applicant: `申请人${index}`,
        applicantType: index % 7 === 0 ? '金融机构' : '企业',
        respondent: `被执行人${index % 4000}`,
        respondentType: index % 3 === 0 ? '企业' : '自然人',
        amount: 10_000 + ((index * 7919) % 500_000),
        cause: CAUSES[index % CAUSES.length],
        tags: TAGS[index % TAGS.length],
        propertyResult: index % 11 === 0 ? '足额' : '未查',
        receptionOn: filedOn,
        transferredOn: addDays(filedOn, 3),
        triagedOn: addDays(filedOn, 3),
        handler: `承办人${index % 40}`,
        ...(closed ? { closedOn: addDays(filedOn, 40), closureMode: index % 10 === 0 ? '终结本次执行程序' : '执行完毕' } : {}),
      },
    };
  });
}
