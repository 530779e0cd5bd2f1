import assert from 'node:assert/strict';
import { defaultRules } from '../../../service/domain/rules.ts';
import { errorColumns, evaluatorFor, messages, nodeOf } from '../../helpers/ledgers.ts';

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

const PRICE_RULES = '《最高人民法院关于人民法院确定财产处置参考价若干问题的规定》';
const SALE_START = `${PRICE_RULES}第三十条：参考价确定后10日内启动变价程序`;

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

  describe('the objection period: only 网络询价 and 委托评估 (issue 12 point 10)', () => {
    it('has no objection period for 定向询价: its result is the price, the sale starts 10 days from it', () => {
      // Result Thursday 2026-02-05 + 10 = 02-15, inside 春节 (02-15..02-23): the first working day after is 02-24.
      const directed = {
        ...ROW,
        priceMethod: '定向询价',
        priceRequestedOn: '2026-02-02',
        priceReportOn: '2026-02-05',
        reportServedOn: '2026-02-06',
      };
      const result = evaluate(directed, { asOf: '2026-02-09' });
      assert.ok(!result.nodes.some((node) => node.id === 'objection'), 'no 异议期 for 定向询价');
      assert.equal(nodeOf(result, 'reportService').state, '已完成', 'its result is still served within 3 days (第二十一条)');
      const sale = nodeOf(result, 'saleStart');
      assert.equal(
        sale.basis,
        `${SALE_START}（定向询价结果即为参考价，无异议期（${PRICE_RULES}第六条第二款、第二十四条第二款），以报告出具日期为参考价确定之日）`,
      );
      assert.equal(sale.steps, '报告出具日期 2026-02-05 起算 10 日，届满日 2026-02-15 为法定休假日（春节），顺延至 2026-02-24');
      assert.deepEqual(result.status, {
        ...result.status,
        phase: '待启动拍卖',
        nextNode: '启动拍卖',
        nextDue: '2026-02-24',
        alert: '正常',
      });
      assert.equal(evaluate(directed, { asOf: '2026-02-25' }).status.alert, '超期');
    });

    it('starts the sale 10 days from the day the parties agreed, and keeps an end on the 调休 Saturday 2026-10-10', () => {
      // Agreed Wednesday 2026-09-30 + 10 = Saturday 10-10, a 调休 working day: no roll.
      const agreed = evaluate({ ...ROW, priceMethod: '当事人议价', priceReportOn: '2026-09-30' }, { asOf: '2026-10-08' });
      const sale = nodeOf(agreed, 'saleStart');
      assert.equal(sale.dueOn, '2026-10-10');
      assert.equal(sale.steps, '报告出具日期 2026-09-30 起算 10 日，届满日 2026-10-10');
      assert.match(sale.basis, /当事人议价结果即为参考价，无异议期（.*第四条第二款、第二十四条第二款）/);
      assert.equal(agreed.status.alert, '临期');
      // Agreed 2026-09-24 + 10 = Sunday 10-04, inside 国庆 (10-01..10-07): rolled to Thursday 10-08.
      assert.equal(nodeOf(evaluate({ ...ROW, priceMethod: '当事人议价', priceReportOn: '2026-09-24' }), 'saleStart').dueOn, '2026-10-08');
    });

    it('keeps the 5-day objection period for 网络询价 and 委托评估, and counts the 10 days from its end', () => {
      // Served Friday 2026-09-25 + 5 = Wednesday 09-30; + 10 = Saturday 10-10, a 调休 working day.
      const online = {
        ...ROW,
        priceMethod: '网络询价',
        priceRequestedOn: '2026-09-21',
        priceReportOn: '2026-09-23',
        reportServedOn: '2026-09-25',
      };
      const during = evaluate(online, { asOf: '2026-09-29' });
      assert.equal(nodeOf(during, 'objection').dueOn, '2026-09-30');
      assert.ok(!during.nodes.some((node) => node.id === 'saleStart'), 'the price is not settled during the objection period');
      assert.equal(during.status.phase, '定价中');
      const after = nodeOf(evaluate(online, { asOf: '2026-10-01' }), 'saleStart');
      assert.equal(after.steps, '异议期届满日 2026-09-30 起算 10 日，届满日 2026-10-10');
      assert.equal(after.basis, `${SALE_START}（网络询价报告送达后异议期届满）`);
      // 委托评估 served Tuesday 2026-02-10 + 5 = Sunday 02-15 (春节): the objection period ends 02-24.
      const appraised = { ...APPRAISED, reportServedOn: '2026-02-10', priceRequestedOn: '2026-01-05', priceReportOn: '2026-02-03' };
      const objection = nodeOf(evaluate(appraised, { asOf: '2026-02-11' }), 'objection');
      assert.equal(objection.steps, '报告送达日期 2026-02-10 起算 5 日，届满日 2026-02-15 为法定休假日（春节），顺延至 2026-02-24');
    });

    it('takes which methods have an objection period from the rules configuration', () => {
      const rules = defaultRules();
      (rules.ledgers.disposals as { settlement: Record<string, { objection: boolean }> }).settlement.定向询价.objection = true;
      const directed = {
        ...ROW,
        priceMethod: '定向询价',
        priceRequestedOn: '2026-03-23',
        priceReportOn: '2026-03-26',
        reportServedOn: '2026-03-27',
      };
      const result = evaluate(directed, { asOf: '2026-03-28', rules });
      assert.equal(nodeOf(result, 'objection').dueOn, '2026-04-01');
      assert.ok(!result.nodes.some((node) => node.id === 'saleStart'));
    });
  });

  describe('the start of pricing within 30 days of the seizure (issue 12 point 11)', () => {
    const SEIZED = { caseNo: ROW.caseNo, property: ROW.property, propertyType: '不动产', seizedOn: '2026-03-02' };
    const BASIS = `${PRICE_RULES}第一条：查封、扣押、冻结财产后30日内启动确定财产处置参考价程序`;

    it('is due 30 days after 查封日期 and done by 委托日期', () => {
      // Seized Monday 2026-03-02 + 30 = Wednesday 04-01.
      const open = evaluate(SEIZED, { asOf: '2026-03-30' });
      const node = nodeOf(open, 'pricingStart');
      assert.equal(node.basis, BASIS);
      assert.equal(node.steps, '查封日期 2026-03-02 起算 30 日，届满日 2026-04-01');
      assert.deepEqual(open.status, {
        ...open.status,
        phase: '待定价',
        nextNode: '启动定价',
        nextDue: '2026-04-01',
        alert: '临期',
        daysLeft: 2,
      });
      const late = evaluate(SEIZED, { asOf: '2026-04-02' });
      assert.deepEqual([late.status.alert, late.status.daysLeft], ['超期', -1]);
      const requested = nodeOf(
        evaluate({ ...SEIZED, priceMethod: '网络询价', priceRequestedOn: '2026-04-01' }, { asOf: '2026-04-02' }),
        'pricingStart',
      );
      assert.deepEqual([requested.state, requested.doneOn], ['已完成', '2026-04-01']);
      assert.equal(requested.basis, `${BASIS}；按委托日期 2026-04-01 认定完成`);
    });

    it('is done by the day the parties agreed when 当事人议价 has no 委托日期, and says so', () => {
      const agreed = nodeOf(
        evaluate({ ...SEIZED, priceMethod: '当事人议价', priceReportOn: '2026-04-03' }, { asOf: '2026-04-03' }),
        'pricingStart',
      );
      assert.deepEqual([agreed.state, agreed.doneOn], ['超期完成', '2026-04-03']);
      assert.equal(agreed.basis, `${BASIS}；未填委托日期，按报告出具日期 2026-04-03 认定完成`);
    });

    it('rolls an end in 春节 or 国庆 and keeps one on the 调休 Saturday 2026-02-28', () => {
      const due = (seizedOn: string) => nodeOf(evaluate({ ...SEIZED, seizedOn }, { asOf: seizedOn }), 'pricingStart');
      // 2026-01-16 + 30 = Sunday 02-15, in 春节 (02-15..02-23): rolled to Tuesday 02-24.
      assert.equal(due('2026-01-16').steps, '查封日期 2026-01-16 起算 30 日，届满日 2026-02-15 为法定休假日（春节），顺延至 2026-02-24');
      // 2026-01-29 + 30 = Saturday 02-28, a 调休 working day.
      assert.equal(due('2026-01-29').dueOn, '2026-02-28');
      // 2026-09-04 + 30 = Sunday 10-04, in 国庆 (10-01..10-07): rolled to Thursday 10-08.
      assert.equal(due('2026-09-04').dueOn, '2026-10-08');
    });

    it('refuses a request dated before the seizure, and takes its period from the rules configuration', () => {
      const early = evaluate({ ...SEIZED, priceMethod: '委托评估', priceRequestedOn: '2026-03-01' }, { asOf: '2026-03-03' });
      assert.deepEqual(messages(early, 'priceRequestedOn', 'error'), ['委托日期「2026-03-01」早于查封日期「2026-03-02」，日期先后有误']);
      const rules = defaultRules();
      (rules.ledgers.disposals as { nodes: Record<string, unknown> }).nodes.pricingStart = { period: { kind: 'days', n: 15 }, roll: true };
      assert.equal(evaluate(SEIZED, { asOf: '2026-03-03', rules }).status.nextDue, '2026-03-17');
    });
  });

  describe('an objection filed in the objection period holds the sale until it is decided (issue 12 point 14)', () => {
    // APPRAISED: served Wednesday 2026-04-22, the objection period ends Monday 04-27.
    const FILED = { ...APPRAISED, objectionFiledOn: '2026-04-24' };

    it('shows 异议处理中 and no 启动拍卖 while the objection is undecided, never 超期', () => {
      const result = evaluate(FILED, { asOf: '2026-05-20' });
      assert.ok(!result.nodes.some((node) => node.id === 'saleStart'), 'no 启动拍卖 before the decision');
      assert.deepEqual(result.status, { ...result.status, phase: '异议处理中', alert: '已完成', nextNode: '' });
      assert.equal(
        evaluate(APPRAISED, { asOf: '2026-05-20' }).status.alert,
        '超期',
        'without the objection the sale is overdue (due 05-07)',
      );
    });

    it('counts the 10 days from the decision', () => {
      // Decided Friday 2026-05-29 + 10 = Monday 06-08.
      const sale = nodeOf(evaluate({ ...FILED, objectionDecidedOn: '2026-05-29' }, { asOf: '2026-06-01' }), 'saleStart');
      assert.equal(sale.dueOn, '2026-06-08');
      assert.equal(sale.steps, '异议处理日期 2026-05-29 起算 10 日，届满日 2026-06-08');
      assert.equal(sale.basis, `${SALE_START}（委托评估报告的异议经处理后确定参考价（${PRICE_RULES}第十三条第二款、第二十六条））`);
      // 网络询价 served Thursday 2026-09-17 (objection period to 09-22), objection decided Thursday 09-24:
      // + 10 = Sunday 10-04, in 国庆 (10-01..10-07), rolled to Thursday 10-08.
      const online = {
        ...ROW,
        priceMethod: '网络询价',
        priceRequestedOn: '2026-09-14',
        priceReportOn: '2026-09-16',
        reportServedOn: '2026-09-17',
        objectionFiledOn: '2026-09-21',
        objectionDecidedOn: '2026-09-24',
      };
      assert.equal(
        nodeOf(evaluate(online, { asOf: '2026-09-25' }), 'saleStart').steps,
        '异议处理日期 2026-09-24 起算 10 日，届满日 2026-10-04 为法定休假日（国庆节），顺延至 2026-10-08',
      );
    });

    it('waits for the end of the objection period when the objection was decided inside it', () => {
      const early = { ...APPRAISED, objectionFiledOn: '2026-04-23', objectionDecidedOn: '2026-04-24' };
      assert.ok(!evaluate(early, { asOf: '2026-04-25' }).nodes.some((node) => node.id === 'saleStart'));
      const sale = nodeOf(evaluate(early, { asOf: '2026-04-28' }), 'saleStart');
      assert.equal(sale.steps, '异议期届满日 2026-04-27 起算 10 日，届满日 2026-05-07');
    });

    it('does not hold the sale for an objection filed late or against a 定向询价 result, and says why', () => {
      const late = evaluate({ ...APPRAISED, objectionFiledOn: '2026-04-28' }, { asOf: '2026-05-08' });
      assert.equal(nodeOf(late, 'saleStart').dueOn, '2026-05-07');
      assert.equal(late.status.alert, '超期');
      assert.deepEqual(messages(late, 'objectionFiledOn', 'warning'), [
        `异议提出日期「2026-04-28」晚于异议期届满日「2026-04-27」：逾期提出的异议，人民法院不予受理（${PRICE_RULES}第二十四条第一款），启动拍卖期限不因此延后`,
      ]);
      const directed = {
        ...ROW,
        priceMethod: '定向询价',
        priceRequestedOn: '2026-03-23',
        priceReportOn: '2026-03-27',
        objectionFiledOn: '2026-03-30',
      };
      const result = evaluate(directed, { asOf: '2026-03-31' });
      assert.equal(nodeOf(result, 'saleStart').dueOn, '2026-04-07');
      assert.deepEqual(messages(result, 'objectionFiledOn', 'warning'), [
        `定向询价不设异议期：对议价或者定向询价提出的异议，人民法院不予受理（${PRICE_RULES}第二十四条第二款），启动拍卖期限不因此延后`,
      ]);
    });

    it('warns of a decision without an objection, and refuses a decision before the filing', () => {
      assert.deepEqual(
        messages(evaluate({ ...APPRAISED, objectionDecidedOn: '2026-04-30' }, { asOf: '2026-05-01' }), 'objectionFiledOn', 'warning'),
        ['已填异议处理日期，异议提出日期为空，请核对'],
      );
      const reversed = evaluate({ ...FILED, objectionDecidedOn: '2026-04-23' }, { asOf: '2026-05-01' });
      assert.deepEqual(messages(reversed, 'objectionDecidedOn', 'error'), [
        '异议处理日期「2026-04-23」早于异议提出日期「2026-04-24」，日期先后有误',
      ]);
    });
  });

  describe('rounds: 一拍, 二拍 within 30 days of the 流拍 with shorter notice, then 变卖 (issue 12 point 15)', () => {
    const NET = '《最高人民法院关于人民法院网络司法拍卖若干问题的规定》';
    // The 一拍 of the 不动产, announced 05-06 for 06-05, failed on Saturday 2026-06-06: + 30 = Monday 07-06.
    const FAILED = { ...APPRAISED, announcedOn: '2026-05-06', auctionOn: '2026-06-05', outcome: '流拍', failedOn: '2026-06-06' };
    const SECOND = { ...FAILED, round: '二拍', outcome: null, announcedOn: '2026-06-19', auctionOn: '2026-07-04' };

    it('is due 30 days after the 流拍 of the 一拍: 待再次拍卖', () => {
      const result = evaluate(FAILED, { asOf: '2026-07-03' });
      const node = nodeOf(result, 'reAuction');
      assert.equal(node.basis, `${NET}第二十六条：流拍后30日内在同一网络司法拍卖平台再次拍卖（以再次拍卖的拍卖公告日期为准）`);
      assert.equal(node.steps, '流拍日期 2026-06-06 起算 30 日，届满日 2026-07-06');
      assert.deepEqual(result.status, {
        ...result.status,
        phase: '待再次拍卖',
        nextNode: '再次拍卖',
        nextDue: '2026-07-06',
        alert: '临期',
      });
      assert.equal(evaluate(FAILED, { asOf: '2026-07-07' }).status.alert, '超期');
    });

    it('is done by the 二拍 announcement, checked against the 二拍 notice of 15 days for a 不动产', () => {
      const result = evaluate(SECOND, { asOf: '2026-06-20' });
      assert.deepEqual([nodeOf(result, 'reAuction').state, nodeOf(result, 'reAuction').doneOn], ['已完成', '2026-06-19']);
      assert.ok(!result.nodes.some((node) => node.id === 'saleStart'), 'the first announcement is no longer on the row');
      assert.deepEqual(result.status, { ...result.status, phase: '二拍公告中', alert: '已完成' });
      assert.deepEqual(messages(result, 'announcedOn', 'error'), [], '15 days before the 二拍 of a 不动产 is lawful');
      const short = evaluate({ ...SECOND, announcedOn: '2026-06-20' }, { asOf: '2026-06-21' });
      assert.deepEqual(messages(short, 'announcedOn', 'error'), [
        `拍卖公告日期「2026-06-20」距拍卖日期「2026-07-04」仅 14 日：再次拍卖不动产应在拍卖 15 日前公告（${NET}第二十六条）`,
      ]);
      assert.equal(
        nodeOf(evaluate({ ...SECOND, announcedOn: '2026-07-07', auctionOn: '2026-07-22' }, { asOf: '2026-07-08' }), 'reAuction').state,
        '超期完成',
      );
    });

    it('takes a 7-day notice for the 二拍 of a 动产 or 车辆 as lawful, and not for its 一拍', () => {
      const movable = { ...SECOND, propertyType: '动产', announcedOn: '2026-06-26', auctionOn: '2026-07-03' };
      assert.deepEqual(messages(evaluate(movable, { asOf: '2026-06-27' }), 'announcedOn', 'error'), []);
      assert.deepEqual(messages(evaluate({ ...movable, propertyType: '车辆' }, { asOf: '2026-06-27' }), 'announcedOn', 'error'), []);
      assert.deepEqual(messages(evaluate({ ...movable, auctionOn: '2026-07-02' }, { asOf: '2026-06-27' }), 'announcedOn', 'error'), [
        `拍卖公告日期「2026-06-26」距拍卖日期「2026-07-02」仅 6 日：再次拍卖动产应在拍卖 7 日前公告（${NET}第二十六条）`,
      ]);
      const first = evaluate({ ...movable, round: '一拍' }, { asOf: '2026-06-27' });
      assert.match(messages(first, 'announcedOn', 'error')[0] ?? '', /拍卖动产应在拍卖 15 日前公告（.*第十二条）/);
    });

    it('has no period and no notice check for 变卖 after a second 流拍', () => {
      const secondFailed = evaluate({ ...SECOND, outcome: '流拍', failedOn: '2026-07-05' }, { asOf: '2026-08-20' });
      assert.ok(!secondFailed.nodes.some((node) => node.id === 'reAuction'));
      assert.equal(secondFailed.status.phase, '二拍流拍');
      const sale = evaluate(
        { ...SECOND, round: '变卖', failedOn: '2026-07-05', announcedOn: '2026-07-10', auctionOn: '2026-07-12' },
        { asOf: '2026-07-11' },
      );
      assert.deepEqual([sale.status.phase, sale.status.alert], ['变卖公告中', '已完成']);
      assert.deepEqual(messages(sale, 'announcedOn', 'error'), []);
      assert.equal(
        evaluate({ ...SECOND, round: '变卖', failedOn: '2026-07-05', announcedOn: null, auctionOn: null }).status.phase,
        '待变卖',
      );
    });

    it('rolls an end in 春节 or 国庆 and keeps one on the 调休 Saturday 2026-02-28', () => {
      const due = (failedOn: string) => nodeOf(evaluate({ ...FAILED, failedOn }, { asOf: failedOn }), 'reAuction');
      // 2026-01-16 + 30 = Sunday 02-15, in 春节: rolled to Tuesday 02-24.
      assert.equal(due('2026-01-16').steps, '流拍日期 2026-01-16 起算 30 日，届满日 2026-02-15 为法定休假日（春节），顺延至 2026-02-24');
      assert.equal(due('2026-01-29').dueOn, '2026-02-28');
      // 2026-09-04 + 30 = Sunday 10-04, in 国庆: rolled to Thursday 10-08.
      assert.equal(due('2026-09-04').dueOn, '2026-10-08');
    });

    it('warns when the 流拍日期 is missing or does not fit the result', () => {
      const warnings = (changes: Record<string, unknown>) =>
        messages(evaluate({ ...FAILED, ...changes } as typeof FAILED, { asOf: '2026-07-01' }), 'failedOn', 'warning');
      assert.deepEqual(warnings({ failedOn: null }), [
        `结果为「流拍」，流拍日期（一拍流拍之日）为空，无法计算再次拍卖期限（${NET}第二十六条）`,
      ]);
      assert.deepEqual(warnings({ outcome: '成交', dealPrice: 1 }), ['已填流拍日期，但结果不是「流拍」，请核对']);
      assert.deepEqual(messages(evaluate({ ...SECOND, failedOn: null }, { asOf: '2026-06-20' }), 'failedOn', 'warning'), [
        `拍卖轮次为「二拍」，流拍日期（一拍流拍之日）为空，无法计算再次拍卖期限（${NET}第二十六条）`,
      ]);
      assert.deepEqual(messages(evaluate({ ...SECOND, outcome: '流拍' }, { asOf: '2026-07-06' }), 'failedOn', 'warning'), [
        '二拍结果为「流拍」，但流拍日期「2026-06-06」早于拍卖公告日期「2026-06-19」：请填写二拍的流拍日期',
      ]);
    });

    it('takes the re-auction period and notices from the rules configuration', () => {
      const rules = defaultRules();
      const reAuction = (rules.ledgers.disposals as { reAuction: { within: { period: unknown }; minDays: Record<string, number> } })
        .reAuction;
      reAuction.within.period = { kind: 'days', n: 20 };
      reAuction.minDays.不动产 = 20;
      const result = evaluate(FAILED, { asOf: '2026-06-07', rules });
      assert.equal(nodeOf(result, 'reAuction').dueOn, '2026-06-26');
      assert.match(messages(evaluate(SECOND, { asOf: '2026-06-20', rules }), 'announcedOn', 'error')[0] ?? '', /应在拍卖 20 日前公告/);
    });
  });

  describe('the validity of the reference price (issue 12 point 12)', () => {
    const VALIDITY = `${PRICE_RULES}第十一条第四款、第十九条第四款、第二十七条`;
    // APPRAISED: report 2026-04-20; valid one year at most, counting its first day: to 2027-04-19.
    const announced = (announcedOn: string, changes: Record<string, string> = {}) =>
      evaluate({ ...APPRAISED, announcedOn, auctionOn: '2027-06-01', ...changes }, { asOf: '2027-05-01' });

    it('warns of a 一拍 announced after the longest validity, naming both dates', () => {
      assert.deepEqual(messages(announced('2027-04-20'), 'announcedOn', 'warning'), [
        `拍卖公告日期「2027-04-20」晚于参考价有效期（至 2027-04-19，按报告出具日期起最长1年推算）：未在有效期内发布一拍拍卖公告的，应当通知重新出具报告、重新确定参考价（${VALIDITY}）`,
      ]);
      assert.deepEqual(messages(announced('2027-04-19'), 'announcedOn', 'warning'), []);
    });

    it('takes the validity written on the report, and caps one beyond a year', () => {
      assert.deepEqual(messages(announced('2026-10-20', { priceValidUntil: '2026-10-19' }), 'announcedOn', 'warning'), [
        `拍卖公告日期「2026-10-20」晚于参考价有效期（至 2026-10-19）：未在有效期内发布一拍拍卖公告的，应当通知重新出具报告、重新确定参考价（${VALIDITY}）`,
      ]);
      const capped = announced('2027-04-25', { priceValidUntil: '2027-05-01' });
      assert.deepEqual(messages(capped, 'priceValidUntil', 'warning'), [
        `参考价有效期至「2027-05-01」超过报告出具日期起1年（至 2027-04-19）：有效期最长不得超过1年，按 2027-04-19 核对（${VALIDITY}）`,
      ]);
      assert.equal(messages(capped, 'announcedOn', 'warning').length, 1);
      assert.deepEqual(errorColumns(evaluate({ ...APPRAISED, priceValidUntil: '2026-04-19' }, { asOf: '2026-04-25' })), [
        'priceValidUntil',
      ]);
    });

    it('does not roll an expiry that falls in 国庆: the day after it is already late', () => {
      // Valid to Sunday 2026-10-04, inside 国庆; announced on the first working day after, 10-08.
      assert.equal(messages(announced('2026-10-08', { priceValidUntil: '2026-10-04' }), 'announcedOn', 'warning').length, 1);
    });

    it('warns of an auction held more than six months after the validity, in any round', () => {
      // Valid to 2026-10-19: the auction may be held until 2027-04-19.
      const late = evaluate(
        {
          ...APPRAISED,
          priceValidUntil: '2026-10-19',
          round: '二拍',
          failedOn: '2027-03-25',
          announcedOn: '2027-04-02',
          auctionOn: '2027-04-20',
        },
        { asOf: '2027-04-21' },
      );
      assert.deepEqual(messages(late, 'auctionOn', 'warning'), [
        `拍卖日期「2027-04-20」已超过参考价有效期（至 2026-10-19）6个月（2027-04-19）：应当重新确定参考价（${VALIDITY}）`,
      ]);
      assert.deepEqual(messages(late, 'announcedOn', 'warning'), [], 'the 二拍 announcement is not held to the validity');
      const inTime = evaluate(
        { ...APPRAISED, priceValidUntil: '2026-10-19', announcedOn: '2026-09-01', auctionOn: '2027-04-19' },
        { asOf: '2027-04-20' },
      );
      assert.deepEqual(messages(inTime, 'auctionOn', 'warning'), []);
    });
  });

  describe('an approved extension of the report period (issue 12 point 13)', () => {
    const ONLINE = { ...ROW, priceMethod: '网络询价', priceRequestedOn: '2026-09-25' };

    it('adds the 3 days of a 网络询价 extension, rolled out of 国庆, and names it in the basis and steps', () => {
      // Requested Friday 2026-09-25: 3 days end Monday 09-28; with 3 more, Thursday 10-01 in 国庆 (10-01..10-07): 10-08.
      assert.equal(nodeOf(evaluate(ONLINE, { asOf: '2026-09-26' }), 'priceReport').dueOn, '2026-09-28');
      const node = nodeOf(evaluate({ ...ONLINE, reportExtensionDays: '3' }, { asOf: '2026-09-29' }), 'priceReport');
      assert.equal(node.dueOn, '2026-10-08');
      assert.equal(
        node.steps,
        '委托日期 2026-09-25 起算 6 日，届满日 2026-10-01 为法定休假日（国庆节），顺延至 2026-10-08（3日，经批准延长 3 日）',
      );
      assert.equal(node.basis, `${PRICE_RULES}第十一条：网络询价，委托日期起3日内出具报告；经批准延长3日（${PRICE_RULES}第十一条第二款）`);
      const reported = { ...ONLINE, priceReportOn: '2026-10-08' };
      assert.equal(nodeOf(evaluate({ ...reported, reportExtensionDays: '3日' }, { asOf: '2026-10-09' }), 'priceReport').state, '已完成');
      assert.equal(nodeOf(evaluate(reported, { asOf: '2026-10-09' }), 'priceReport').state, '超期完成');
    });

    it('adds up to 30 days to an appraisal, into 春节 or onto its 调休 Saturday', () => {
      const appraisal = (priceRequestedOn: string, days: string) =>
        nodeOf(
          evaluate({ ...ROW, priceMethod: '委托评估', priceRequestedOn, reportExtensionDays: days }, { asOf: priceRequestedOn }),
          'priceReport',
        );
      // 2026-01-01 + 30 + 15 = Sunday 02-15, in 春节 (02-15..02-23): rolled to Tuesday 02-24.
      assert.equal(
        appraisal('2026-01-01', '15').steps,
        '委托日期 2026-01-01 起算 45 日，届满日 2026-02-15 为法定休假日（春节），顺延至 2026-02-24（30日，经批准延长 15 日）',
      );
      // 2026-01-14 + 45 = Saturday 02-28, a 调休 working day.
      assert.equal(appraisal('2026-01-14', '15').dueOn, '2026-02-28');
      // Two extensions of 15: 2026-03-23 + 60 = Friday 05-22.
      assert.equal(appraisal('2026-03-23', '30').dueOn, '2026-05-22');
    });

    it('refuses an extension over the lawful one in Chinese and counts the lawful one', () => {
      const over = evaluate(
        { ...ROW, priceMethod: '委托评估', priceRequestedOn: '2026-03-23', reportExtensionDays: 31 },
        { asOf: '2026-03-24' },
      );
      assert.deepEqual(messages(over, 'reportExtensionDays', 'error'), [
        `延长出具期限（日）为 31 日，超过委托评估依法可延长的 30 日，按 30 日计算（${PRICE_RULES}第十九条第二款）`,
      ]);
      assert.equal(nodeOf(over, 'priceReport').dueOn, '2026-05-22');
      const online = evaluate({ ...ONLINE, reportExtensionDays: 5 }, { asOf: '2026-09-26' });
      assert.deepEqual(errorColumns(online), ['reportExtensionDays']);
      assert.equal(nodeOf(online, 'priceReport').dueOn, '2026-10-08');
      assert.deepEqual(errorColumns(evaluate({ ...ONLINE, reportExtensionDays: 0 })), ['reportExtensionDays']);
    });

    it('warns of an extension for a method that has none', () => {
      const directed = evaluate(
        { ...ROW, priceMethod: '定向询价', priceRequestedOn: '2026-03-23', reportExtensionDays: 5 },
        { asOf: '2026-03-24' },
      );
      assert.deepEqual(messages(directed, 'reportExtensionDays', 'warning'), [
        '定向询价没有依法延长出具期限的规定，延长出具期限（日）未计入期限',
      ]);
    });

    it('takes the longest extension from the rules configuration', () => {
      const rules = defaultRules();
      const periods = (rules.ledgers.disposals as { reportPeriods: Record<string, { extension?: { maxDays: number } }> }).reportPeriods;
      const extension = periods.委托评估.extension;
      assert.ok(extension);
      extension.maxDays = 15;
      const over = evaluate(
        { ...ROW, priceMethod: '委托评估', priceRequestedOn: '2026-03-23', reportExtensionDays: 20 },
        { asOf: '2026-03-24', rules },
      );
      assert.equal(errorColumns(over).length, 1);
      assert.equal(nodeOf(over, 'priceReport').dueOn, '2026-05-07');
      periods.委托评估 = { ...periods.委托评估, period: { kind: 'months', n: 1 } } as (typeof periods)['委托评估'];
      const monthly = nodeOf(
        evaluate(
          { ...ROW, priceMethod: '委托评估', priceRequestedOn: '2026-03-23', reportExtensionDays: 10 },
          { asOf: '2026-03-24', rules },
        ),
        'priceReport',
      );
      assert.equal(
        monthly.steps,
        '委托日期 2026-03-23 起算 1 个月，届满日 2026-04-23；经批准延长：原届满日 2026-04-23 起算 10 日，届满日 2026-05-03 为法定休假日（劳动节），顺延至 2026-05-06',
      );
    });
  });
});
