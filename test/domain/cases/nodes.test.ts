import assert from 'node:assert/strict';
import { BASE_CASE, evaluateCase, node } from '../../helpers/cases.ts';
import { defaultRules } from '../../../service/domain/rules.ts';
import type { CasesRules } from '../../../service/domain/ledgers/cases/rules.ts';

describe('cases ledger: nodes, states and the row alert', () => {
  describe('初次接待 (当日 node)', () => {
    it('is 临期 on the filing day itself when reception is not recorded', () => {
      const reception = node(evaluateCase(BASE_CASE, { asOf: '2026-03-02' }), 'reception');
      assert.deepEqual([reception.dueOn, reception.state, reception.daysLeft], ['2026-03-02', '临期', 0]);
      assert.equal(reception.steps, '立案日期 2026-03-02 当日');
    });

    it('is 超期 the next day', () => {
      assert.equal(node(evaluateCase(BASE_CASE, { asOf: '2026-03-03' }), 'reception').state, '超期');
    });

    it('is 已完成 when received that day and 超期完成 when received later', () => {
      assert.equal(node(evaluateCase({ ...BASE_CASE, receptionOn: '2026-03-02' }), 'reception').state, '已完成');
      const late = node(evaluateCase({ ...BASE_CASE, receptionOn: '2026-03-04' }, { asOf: '2026-03-05' }), 'reception');
      assert.deepEqual([late.state, late.doneOn, late.daysLeft], ['超期完成', '2026-03-04', null]);
    });

    it('does not roll even when filed on a holiday', () => {
      assert.equal(node(evaluateCase({ ...BASE_CASE, filedOn: '2026-10-03' }, { asOf: '2026-10-03' }), 'reception').dueOn, '2026-10-03');
    });
  });

  describe('执行通知 and 流转 (10 days from filing)', () => {
    const filed = { ...BASE_CASE, filedOn: '2026-09-24' };

    it('rolls across National Day to 2026-10-08 and explains the counting', () => {
      const notice = node(evaluateCase(filed, { asOf: '2026-09-25' }), 'notice');
      assert.equal(notice.dueOn, '2026-10-08');
      assert.equal(notice.steps, '立案日期 2026-09-24 起算 10 日，届满日 2026-10-04 为法定休假日（国庆节），顺延至 2026-10-08');
      assert.equal(notice.basis, '民诉法解释 (2022) 第四百八十条：立案日期起10日内');
    });

    it('is 正常 more than 3 days before, 临期 within 3 days, 超期 after the due date', () => {
      assert.equal(node(evaluateCase(filed, { asOf: '2026-10-04' }), 'notice').state, '正常');
      assert.equal(node(evaluateCase(filed, { asOf: '2026-10-05' }), 'notice').state, '临期');
      assert.equal(node(evaluateCase(filed, { asOf: '2026-10-08' }), 'notice').state, '临期');
      const overdue = node(evaluateCase(filed, { asOf: '2026-10-10' }), 'notice');
      assert.deepEqual([overdue.state, overdue.daysLeft], ['超期', -2]);
    });

    it('流转 applies to first-execution cases only', () => {
      assert.ok(evaluateCase(filed).nodes.some((n) => n.id === 'transfer'));
      assert.ok(!evaluateCase({ ...filed, caseNo: '（2026）豫0102执恢3号' }).nodes.some((n) => n.id === 'transfer'));
    });
  });

  describe('执行通知: due to be issued (发出), closed by the issue date, else the service date', () => {
    const filed = { ...BASE_CASE, filedOn: '2026-09-24' };
    const basis = '民诉法解释 (2022) 第四百八十条：立案日期起10日内';

    it('is 已完成 when issued by 2026-10-08 though served later, and says it used the issue date', () => {
      const notice = node(
        evaluateCase({ ...filed, noticeIssuedOn: '2026-10-08', noticeOn: '2026-10-12' }, { asOf: '2026-10-20' }),
        'notice',
      );
      assert.deepEqual([notice.state, notice.doneOn], ['已完成', '2026-10-08']);
      assert.equal(notice.basis, `${basis}；按执行通知发出日期 2026-10-08 认定完成`);
    });

    it('falls back to the service date when no issue date is recorded, and says so', () => {
      const notice = node(evaluateCase({ ...filed, noticeOn: '2026-10-09' }, { asOf: '2026-10-20' }), 'notice');
      assert.deepEqual([notice.state, notice.doneOn], ['超期完成', '2026-10-09']);
      assert.equal(notice.basis, `${basis}；未填执行通知发出日期，按执行通知送达日期 2026-10-09 认定完成`);
    });

    it('keeps the open basis unchanged while neither date is recorded', () => {
      assert.equal(node(evaluateCase(filed, { asOf: '2026-10-05' }), 'notice').basis, basis);
    });

    it('ends on the 调休 workday Saturday 2026-02-14 without rolling: filed 2026-02-04, issued 02-14 is on time, 02-24 late', () => {
      const early = { ...BASE_CASE, filedOn: '2026-02-04' };
      const onTime = node(evaluateCase({ ...early, noticeIssuedOn: '2026-02-14' }, { asOf: '2026-02-25' }), 'notice');
      assert.deepEqual([onTime.dueOn, onTime.state], ['2026-02-14', '已完成']);
      assert.equal(onTime.steps, '立案日期 2026-02-04 起算 10 日，届满日 2026-02-14');
      assert.equal(node(evaluateCase({ ...early, noticeIssuedOn: '2026-02-24' }, { asOf: '2026-02-25' }), 'notice').state, '超期完成');
    });

    it('rolls across 春节 when filed a day later: 2026-02-05 → 02-15 (春节) → 2026-02-24', () => {
      const notice = node(
        evaluateCase({ ...BASE_CASE, filedOn: '2026-02-05', noticeIssuedOn: '2026-02-24' }, { asOf: '2026-02-25' }),
        'notice',
      );
      assert.deepEqual([notice.dueOn, notice.state], ['2026-02-24', '已完成']);
    });
  });

  describe("恢复告知 (执恢 cases, the bureau's word for their notice)", () => {
    const resumed = { ...BASE_CASE, caseNo: '（2026）豫0102执恢3号', filedOn: '2026-09-30' };

    it('replaces 执行通知 in a 执恢 case; a first-execution case has no 恢复告知', () => {
      const ids = evaluateCase(resumed, { asOf: '2026-10-01' }).nodes.map((n) => n.id);
      assert.ok(ids.includes('resumeNotice') && !ids.includes('notice'), ids.join());
      assert.ok(!evaluateCase(BASE_CASE).nodes.some((n) => n.id === 'resumeNotice'));
    });

    it('is due 10 days from filing, ending on the 调休 workday Saturday 2026-10-10 without rolling', () => {
      const open = node(evaluateCase(resumed, { asOf: '2026-10-08' }), 'resumeNotice');
      assert.deepEqual([open.name, open.dueOn, open.state, open.daysLeft], ['恢复告知', '2026-10-10', '临期', 2]);
      assert.equal(open.steps, '立案日期 2026-09-30 起算 10 日，届满日 2026-10-10');
      assert.equal(
        open.basis,
        '《执行指挥中心各部门工作职责（试行）》（执行事务中心）；参照民诉法解释 (2022) 第四百八十条：立案日期起10日内',
      );
      assert.equal(node(evaluateCase(resumed, { asOf: '2026-10-11' }), 'resumeNotice').state, '超期');
    });

    it('is closed by 恢复告知日期, or by a date a clerk recorded in the 执行通知 columns', () => {
      const told = node(evaluateCase({ ...resumed, resumeNoticeOn: '2026-10-09' }, { asOf: '2026-10-20' }), 'resumeNotice');
      assert.deepEqual([told.state, told.doneOn], ['已完成', '2026-10-09']);
      assert.match(told.basis, /；按恢复告知日期 2026-10-09 认定完成$/);
      const older = node(evaluateCase({ ...resumed, noticeOn: '2026-10-12' }, { asOf: '2026-10-20' }), 'resumeNotice');
      assert.deepEqual([older.state, older.doneOn], ['超期完成', '2026-10-12']);
      assert.match(older.basis, /；未填恢复告知日期，按执行通知送达日期 2026-10-12 认定完成$/);
    });

    it('takes its period from the rules configuration', () => {
      const rules = defaultRules();
      (rules.ledgers.cases as CasesRules).nodes.resumeNotice = { period: { kind: 'days', n: 5 }, roll: true };
      assert.equal(node(evaluateCase(resumed, { asOf: '2026-10-01', rules }), 'resumeNotice').dueOn, '2026-10-08');
    });
  });

  describe('繁简分流 (same day as transfer)', () => {
    it('appears once the case is transferred and is done by 分流日期', () => {
      assert.ok(!evaluateCase(BASE_CASE).nodes.some((n) => n.id === 'triage'));
      const open = node(evaluateCase({ ...BASE_CASE, transferredOn: '2026-03-06' }, { asOf: '2026-03-06' }), 'triage');
      assert.deepEqual([open.dueOn, open.state], ['2026-03-06', '临期']);
      const late = node(
        evaluateCase({ ...BASE_CASE, transferredOn: '2026-03-06', triagedOn: '2026-03-09' }, { asOf: '2026-03-09' }),
        'triage',
      );
      assert.equal(late.state, '超期完成');
    });
  });

  describe('结案', () => {
    it('is due on closeDue with the basis of the team deadline', () => {
      const close = node(evaluateCase({ ...BASE_CASE, propertyResult: '足额', triagedOn: '2026-03-10' }, { asOf: '2026-03-14' }), 'close');
      assert.equal(close.dueOn, '2026-03-17');
      assert.equal(close.steps, '分流日期 2026-03-10 起算 7 日，届满日 2026-03-17');
      assert.match(close.basis, /速执团队分流之日起7日内结案/);
      assert.equal(close.state, '临期');
    });

    it('counts the statutory six months with the month-end rule: filed 2026-03-31 → 2026-09-30', () => {
      const result = evaluateCase({ ...BASE_CASE, filedOn: '2026-03-31' });
      assert.equal(result.status.statutoryDue, '2026-09-30');
      assert.match(node(result, 'close').steps, /2026-09 无对应日，以该月末日 2026-09-30 为届满日/);
    });

    it('rolls a statutory deadline that ends on a Sunday to the Monday', () => {
      assert.equal(evaluateCase({ ...BASE_CASE, filedOn: '2026-03-13' }).status.statutoryDue, '2026-09-14');
    });

    it('warns a statutory period is 临期 only in its last 7 days', () => {
      assert.equal(node(evaluateCase(BASE_CASE, { asOf: '2026-08-25' }), 'close').state, '正常');
      assert.equal(node(evaluateCase(BASE_CASE, { asOf: '2026-08-26' }), 'close').state, '临期');
    });

    describe('a statutory deadline in a year without holiday data (2027)', () => {
      const triaged = {
        ...BASE_CASE,
        filedOn: '2026-09-24',
        receptionOn: '2026-09-24',
        noticeIssuedOn: '2026-09-25',
        transferredOn: '2026-09-25',
        triagedOn: '2026-09-25',
      };
      const calendarNotes = (result: ReturnType<typeof evaluateCase>) =>
        result.errors.filter((p) => p.level === 'warning' && p.message.includes('2027年无节假日数据')).map((p) => p.message);

      it('says so in the steps of the node always, in 校验意见 only once 结案 is the current node and due within 60 days', () => {
        const early = evaluateCase(triaged, { asOf: '2026-10-01' });
        assert.equal(early.status.statutoryDue, '2027-03-24');
        assert.match(node(early, 'close').steps, /按周末推算（2027年无节假日数据）/);
        assert.deepEqual(calendarNotes(early), []);

        const close = evaluateCase(triaged, { asOf: '2027-02-01' });
        assert.equal(close.status.nextNode, '结案');
        assert.ok(calendarNotes(close).length > 0, JSON.stringify(close.errors));
        assert.match(calendarNotes(close)[0], /请管理员在系统管理的节假日设置中补录该年安排/);
      });

      it('does not note it while an earlier node is the current one, however close', () => {
        const result = evaluateCase({ ...BASE_CASE, filedOn: '2026-09-24' }, { asOf: '2027-02-01' });
        assert.notEqual(result.status.nextNode, '结案');
        assert.deepEqual(calendarNotes(result), []);
      });
    });
  });

  describe('拍卖裁定 and 归档', () => {
    it('拍卖裁定 is due 30 days after property is found', () => {
      const ruling = node(evaluateCase({ ...BASE_CASE, propertyFoundOn: '2026-04-01' }, { asOf: '2026-04-20' }), 'auctionRuling');
      assert.deepEqual([ruling.dueOn, ruling.state], ['2026-05-06', '正常']);
    });

    it('归档 is due 20 days after closing', () => {
      const closed = { ...BASE_CASE, closedOn: '2026-06-01', closureMode: '执行完毕' };
      assert.equal(node(evaluateCase(closed, { asOf: '2026-06-01' }), 'archive').dueOn, '2026-06-22');
      assert.equal(node(evaluateCase({ ...closed, archivedOn: '2026-06-10' }, { asOf: '2026-06-30' }), 'archive').state, '已完成');
    });

    it('归档 rolls past a Sunday, explains itself, and is 超期 once that day has passed unarchived', () => {
      const closed = { ...BASE_CASE, closedOn: '2026-03-02', closureMode: '执行完毕' };
      const archive = node(evaluateCase(closed, { asOf: '2026-03-24' }), 'archive');
      assert.deepEqual([archive.dueOn, archive.state, archive.daysLeft], ['2026-03-23', '超期', -1]);
      assert.equal(archive.steps, '结案日期 2026-03-02 起算 20 日，届满日 2026-03-22 为星期日（休息日），顺延至 2026-03-23');
      assert.equal(archive.basis, '《执行指挥中心各部门工作职责（试行）》（卷宗管理中心）：结案日期起20日内');
      assert.equal(node(evaluateCase({ ...closed, archivedOn: '2026-03-24' }, { asOf: '2026-03-30' }), 'archive').state, '超期完成');
    });
  });

  describe('row summary', () => {
    it('names the open node due first and shows the worst open state as the alert', () => {
      const result = evaluateCase({ ...BASE_CASE, filedOn: '2026-09-24', receptionOn: '2026-09-24' }, { asOf: '2026-10-05' });
      assert.equal(result.status.nextNode, '执行通知');
      assert.equal(result.status.nextDue, '2026-10-08');
      assert.equal(result.status.daysLeft, 3);
      assert.equal(result.status.alert, '临期');
      const worse = evaluateCase({ ...BASE_CASE, filedOn: '2026-09-24' }, { asOf: '2026-10-05' });
      assert.equal(worse.status.alert, '超期');
    });

    it('is 已完成 when every node is done', () => {
      const done = evaluateCase(
        {
          ...BASE_CASE,
          receptionOn: '2026-03-02',
          noticeOn: '2026-03-03',
          transferredOn: '2026-03-04',
          triagedOn: '2026-03-04',
          closedOn: '2026-05-06',
          closureMode: '执行完毕',
          archivedOn: '2026-05-10',
        },
        { asOf: '2026-06-01' },
      );
      assert.equal(done.status.alert, '已完成');
      assert.equal(done.status.nextNode, '');
      assert.ok(done.nodes.every((n) => n.state === '已完成'));
    });
  });
});
