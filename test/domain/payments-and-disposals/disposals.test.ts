import assert from 'node:assert/strict';
import { defaultRules } from '../../../service/domain/rules.ts';
import { evaluatorFor, messages, nodeOf } from '../../helpers/ledgers.ts';

const evaluate = evaluatorFor('disposals');
const ROW = {
  caseNo: '（2026）豫0102执100号',
  property: '住宅一套',
  propertyType: '不动产',
  foundOn: '2026-03-02',
  rulingOn: '2026-03-20',
};
const APPRAISED = {
  ...ROW,
  priceMethod: '委托评估',
  priceRequestedOn: '2026-03-23',
  priceReportOn: '2026-04-20',
  reportServedOn: '2026-04-22',
};

type DisposalsConfig = {
  reportPeriods: Record<string, unknown>;
  reportMethods: string[];
  announcement: { minDays: Record<string, number>; source: string };
};

describe('disposals ledger', () => {
  it('explains the report period by method, with its article', () => {
    const online = nodeOf(
      evaluate({ ...ROW, priceMethod: '网络询价', priceRequestedOn: '2026-03-05' }, { asOf: '2026-03-06' }),
      'priceReport',
    );
    assert.equal(online.basis, '《最高人民法院关于人民法院确定财产处置参考价若干问题的规定》第十一条：网络询价，委托日期起3日内出具报告');
    assert.equal(online.steps, '委托日期 2026-03-05 起算 3 日，届满日 2026-03-08 为星期日（休息日），顺延至 2026-03-09');
    const appraisal = nodeOf(evaluate(APPRAISED, { asOf: '2026-04-21' }), 'priceReport');
    assert.match(appraisal.basis, /第十九条：委托评估，委托日期起30日内出具报告$/);
  });

  it('explains the start of the sale from the end of the objection period', () => {
    const result = evaluate(APPRAISED, { asOf: '2026-04-28' });
    assert.match(nodeOf(result, 'objection').basis, /第二十二条：.*5日内可提出书面异议（仅供提示）$/);
    const sale = nodeOf(result, 'saleStart');
    assert.equal(
      sale.basis,
      '《最高人民法院关于人民法院确定财产处置参考价若干问题的规定》第三十条：参考价确定后10日内启动变价程序（委托评估报告送达后异议期届满）',
    );
    assert.equal(sale.steps, '异议期届满日 2026-04-27 起算 10 日，届满日 2026-05-07');
  });

  it('names both dates, the days missing and the source when an auction is announced too late', () => {
    const result = evaluate({ ...APPRAISED, announcedOn: '2026-05-07', auctionOn: '2026-06-05' }, { asOf: '2026-06-10' });
    assert.deepEqual(messages(result, 'announcedOn', 'error'), [
      '拍卖公告日期「2026-05-07」距拍卖日期「2026-06-05」仅 29 日：拍卖不动产应在拍卖 30 日前公告（《最高人民法院关于人民法院网络司法拍卖若干问题的规定》第十二条）',
    ]);
  });

  it('takes report periods, report methods and announcement periods from the rules configuration', () => {
    const rules = defaultRules();
    const disposals = rules.ledgers.disposals as DisposalsConfig;
    disposals.reportPeriods.定向询价 = { period: { kind: 'days', n: 7 }, roll: true, source: '本院定向询价函' };
    disposals.announcement.minDays.动产 = 20;
    const directed = evaluate({ ...ROW, priceMethod: '定向询价', priceRequestedOn: '2026-03-23' }, { asOf: '2026-03-24', rules });
    assert.equal(nodeOf(directed, 'priceReport').dueOn, '2026-03-30');
    const movable = { ...APPRAISED, propertyType: '动产', announcedOn: '2026-05-06', auctionOn: '2026-05-21' };
    assert.deepEqual(messages(evaluate(movable, { asOf: '2026-06-10' }), 'announcedOn', 'error'), []);
    assert.match(messages(evaluate(movable, { asOf: '2026-06-10', rules }), 'announcedOn', 'error')[0], /应在拍卖 20 日前公告/);
    disposals.reportMethods = ['网络询价', '委托评估'];
    const agreed = evaluate(
      { ...ROW, priceMethod: '定向询价', priceRequestedOn: '2026-03-23', priceReportOn: '2026-03-27' },
      { asOf: '2026-03-28', rules },
    );
    assert.ok(!agreed.nodes.some((node) => node.id === 'reportService'), 'a method outside reportMethods has no service node');
    assert.equal(nodeOf(agreed, 'saleStart').dueOn, '2026-04-07');
  });
});
