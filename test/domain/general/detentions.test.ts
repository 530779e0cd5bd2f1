import assert from 'node:assert/strict';
import { defaultRules } from '../../../service/domain/rules.ts';
import { evaluatorFor, messages, nodeOf } from '../../helpers/ledgers.ts';

const evaluate = evaluatorFor('detentions');
const CASE = '（2026）豫0102执100号';
const ROW = { caseNo: CASE, person: '李四', decidedOn: '2026-03-04', days: 15, startOn: '2026-03-05' };

describe('detentions ledger', () => {
  it('explains the end of the term: custody days count the day of committal and never roll', () => {
    const node = nodeOf(evaluate({ ...ROW, startOn: '2026-09-24', decidedOn: '2026-09-24', days: 10 }, { asOf: '2026-09-25' }), 'release');
    assert.equal(node.dueOn, '2026-10-03');
    assert.equal(node.steps, '送拘日期 2026-09-24 起算 10 日（含首日），至 2026-10-03 届满');
    assert.equal(node.basis, '民事诉讼法 (2023) 第一百一十八条：拘留 10 日，自送拘之日起算（含首日），期满之日释放');
  });

  it('names the days over in a late release and the source in a limit error', () => {
    assert.deepEqual(messages(evaluate({ ...ROW, releasedOn: '2026-03-21' }, { asOf: '2026-03-22' }), 'releasedOn', 'error'), [
      '解除日期「2026-03-21」晚于期满日期 2026-03-19，超期羁押 2 日',
    ]);
    assert.deepEqual(messages(evaluate({ ...ROW, days: 20 }), 'days', 'error'), [
      '拘留天数「20」超过 15 日的上限（民事诉讼法 (2023) 第一百一十八条）',
    ]);
    assert.deepEqual(messages(evaluate({ ...ROW, days: -2 }), 'days', 'error'), [
      '拘留天数「-2」应在 1 至 15 日之间（民事诉讼法 (2023) 第一百一十八条）',
    ]);
  });

  it('takes the bounds and the 临期释放 window from the rules configuration', () => {
    const rules = defaultRules();
    Object.assign(rules.ledgers.detentions as object, { days: { min: 1, max: 10, source: '某地规定' }, releaseWarnDays: 1 });
    assert.deepEqual(messages(evaluate({ ...ROW, days: 11 }, { rules }), 'days', 'error'), ['拘留天数「11」超过 10 日的上限（某地规定）']);
    assert.equal(evaluate(ROW, { asOf: '2026-03-18', rules }).status.phase, '临期释放');
  });

  describe('a second detention of the same person in the same case', () => {
    const earlier = { ...ROW, decidedOn: '2026-01-04', startOn: '2026-01-05', days: 5 };
    const warned = (row: Record<string, unknown>, others: Array<Record<string, unknown>>) =>
      messages(
        evaluate(row as never, {
          stored: { detentions: others as never, cases: [{ caseNo: CASE, filedOn: '2026-01-02', respondent: '李四' }] },
        }),
        'person',
        'warning',
      );

    it('warns the later one, naming the earlier decision and the rule', () => {
      assert.deepEqual(warned(ROW, [earlier]), [
        '本案已对被拘留人「李四」拘留过（拘留决定日期 2026-01-04）：对同一妨害民事诉讼行为不得连续拘留，如系新的妨害行为方可重新拘留，请核实（民诉法解释 (2022) 第一百八十四条）',
      ]);
    });

    it('does not warn the earlier one, nor once the other row is gone', () => {
      assert.deepEqual(warned(earlier, [ROW]), []);
      assert.deepEqual(warned(ROW, []), []);
    });

    it('warns both when their order cannot be told', () => {
      assert.equal(warned({ ...ROW, decidedOn: null, startOn: null }, [earlier]).length, 1);
      assert.equal(warned(earlier, [{ ...ROW, decidedOn: '2026-01-04' }]).length, 1);
    });

    it('does not warn for another person or another case', () => {
      assert.deepEqual(warned(ROW, [{ ...earlier, person: '李四四' }]), []);
      assert.deepEqual(warned(ROW, [{ ...earlier, caseNo: '（2026）豫0102执101号' }]), []);
    });
  });

  describe('the family notice within 24 hours of committal', () => {
    const notice = (row: Record<string, unknown>, options: { asOf: string; now?: string }) =>
      nodeOf(evaluate(row as never, options), 'familyNotice');

    it('counts 24 hours from the end of the committal day and explains it', () => {
      const node = notice(ROW, { asOf: '2026-03-05' });
      assert.equal(node.dueOn, '2026-03-06');
      assert.equal(
        node.steps,
        '送拘日期 2026-03-05（未填送拘时间，按当日 24:00 计）起算 24 小时，至 2026-03-06 24:00 届满，按小时计算，不因节假日顺延',
      );
      assert.equal(
        node.basis,
        '民诉法解释 (2022) 第一百八十条：采取拘留措施后 24 小时内通知被拘留人家属；确实无法按时通知或者通知不到的，应当记录在案',
      );
    });

    it('counts from 送拘时间 when the clerk recorded the moment: 2026-03-05 10:30 + 24 hours = 2026-03-06 10:30', () => {
      const timed = { ...ROW, startAt: '2026-03-05 10:30' };
      const node = notice(timed, { asOf: '2026-03-05' });
      assert.equal(node.dueOn, '2026-03-06');
      assert.equal(node.steps, '送拘时间 2026-03-05 10:30 起算 24 小时，至 2026-03-06 10:30 届满，按小时计算，不因节假日顺延');
      assert.equal(notice({ ...timed, familyNotifiedAt: '2026-03-06 10:30' }, { asOf: '2026-03-06' }).state, '已完成');
      const late = evaluate({ ...timed, familyNotifiedAt: '2026-03-06 10:31' }, { asOf: '2026-03-06' });
      assert.equal(nodeOf(late, 'familyNotice').state, '超期完成');
      assert.deepEqual(messages(late, 'familyNotifiedAt', 'warning'), [
        '通知家属时间「2026-03-06 10:31」晚于时限 2026-03-06 10:30；确实无法按时通知或者通知不到的，请在未通知原因中记录（民诉法解释 (2022) 第一百八十条）',
      ]);
    });

    it('with 送拘时间, 临期 from 4 hours before the limit and 超期 the minute after it', () => {
      const timed = { ...ROW, startAt: '2026-03-05 10:30' };
      assert.equal(notice(timed, { asOf: '2026-03-06', now: '2026-03-06 06:29' }).state, '正常');
      assert.equal(notice(timed, { asOf: '2026-03-06', now: '2026-03-06 06:30' }).state, '临期');
      assert.equal(notice(timed, { asOf: '2026-03-06', now: '2026-03-06 10:30' }).state, '临期');
      assert.equal(notice(timed, { asOf: '2026-03-06', now: '2026-03-06 10:31' }).state, '超期');
      // Without the time the same row has until 2026-03-06 24:00.
      assert.equal(notice(ROW, { asOf: '2026-03-06', now: '2026-03-06 10:31' }).state, '正常');
    });

    it('with 送拘时间 on the eve of 国庆, the limit falls in the holiday and is not rolled', () => {
      const row = { ...ROW, decidedOn: '2026-09-30', startOn: '2026-09-30', startAt: '2026-09-30 20:00' };
      const node = notice(row, { asOf: '2026-10-01', now: '2026-10-01 20:01' });
      assert.equal(node.dueOn, '2026-10-01');
      assert.equal(node.state, '超期');
      assert.match(node.steps, /至 2026-10-01 20:00 届满/);
    });

    it('a limit on the 调休 workday Saturday 2026-02-28 is counted the same way, in hours', () => {
      const row = {
        ...ROW,
        decidedOn: '2026-02-27',
        startOn: '2026-02-27',
        startAt: '2026-02-27 09:00',
        familyNotifiedAt: '2026-02-28 08:00',
      };
      const node = notice(row, { asOf: '2026-02-28' });
      assert.equal(node.dueOn, '2026-02-28');
      assert.equal(node.state, '已完成');
      assert.match(node.steps, /至 2026-02-28 09:00 届满/);
    });

    it('送拘时间 on another day than 送拘日期 is an error; without 送拘日期 a warning', () => {
      assert.deepEqual(messages(evaluate({ ...ROW, startAt: '2026-03-06 09:00' }, { asOf: '2026-03-06' }), 'startAt', 'error'), [
        '送拘时间「2026-03-06 09:00」与送拘日期「2026-03-05」不是同一天，请核对',
      ]);
      const untermed = evaluate({ ...ROW, startOn: null, startAt: '2026-03-05 10:30' }, { asOf: '2026-03-05' });
      assert.deepEqual(messages(untermed, 'startOn', 'warning'), ['已填送拘时间「2026-03-05 10:30」，送拘日期为空，无法计算期满日期']);
      assert.equal(nodeOf(untermed, 'familyNotice').dueOn, '2026-03-06');
    });

    it('reads the clock on the last day: 临期 from 4 hours before 24:00', () => {
      assert.equal(notice(ROW, { asOf: '2026-03-06', now: '2026-03-06 19:59' }).state, '正常');
      assert.equal(notice(ROW, { asOf: '2026-03-06', now: '2026-03-06 20:00' }).state, '临期');
    });

    it('does not roll over 国庆: committed 2026-09-30, due 2026-10-01 24:00, 超期 on 10-02', () => {
      const row = { ...ROW, decidedOn: '2026-09-30', startOn: '2026-09-30' };
      assert.equal(notice(row, { asOf: '2026-10-01' }).state, '临期');
      const late = evaluate(row, { asOf: '2026-10-02' });
      assert.equal(nodeOf(late, 'familyNotice').dueOn, '2026-10-01');
      assert.deepEqual(messages(late, 'familyNotifiedAt', 'warning'), [
        '送拘后通知家属的时限 2026-10-01 24:00 已过，通知家属时间为空：请立即通知；确实无法按时通知或者通知不到的，请在未通知原因中记录（民诉法解释 (2022) 第一百八十条）',
      ]);
    });

    it('does not roll over 春节: committed on the 调休 workday 2026-02-14, told 2026-02-16 08:00 is late', () => {
      const row = { ...ROW, decidedOn: '2026-02-14', startOn: '2026-02-14', familyNotifiedAt: '2026-02-16 08:00' };
      const result = evaluate(row, { asOf: '2026-02-16' });
      assert.equal(nodeOf(result, 'familyNotice').state, '超期完成');
      assert.deepEqual(messages(result, 'familyNotifiedAt', 'warning'), [
        '通知家属时间「2026-02-16 08:00」晚于时限 2026-02-15 24:00；确实无法按时通知或者通知不到的，请在未通知原因中记录（民诉法解释 (2022) 第一百八十条）',
      ]);
      assert.equal(notice({ ...row, familyNotifiedAt: '2026-02-15 23:59' }, { asOf: '2026-02-16' }).state, '已完成');
    });

    it('closes on a recorded reason and says so in the steps', () => {
      const node = notice({ ...ROW, notNotifiedReason: '被拘留人拒绝提供家属联系方式' }, { asOf: '2026-03-10' });
      assert.equal(node.state, '已完成');
      assert.match(node.steps, /；未通知原因已记录：被拘留人拒绝提供家属联系方式$/);
      const late = notice({ ...ROW, familyNotifiedAt: '2026-03-07 09:00', notNotifiedReason: '家属电话无人接听' }, { asOf: '2026-03-07' });
      assert.equal(late.state, '已完成');
      assert.equal(late.doneOn, '2026-03-07');
      assert.match(late.steps, /；通知家属时间 2026-03-07 09:00，逾时原因已记录：家属电话无人接听$/);
    });

    it('takes the hours from the rules configuration', () => {
      const rules = defaultRules();
      Object.assign(rules.ledgers.detentions as object, { familyNotice: { hours: 12, warnHours: 0, source: '某地规定' } });
      const node = nodeOf(evaluate(ROW, { asOf: '2026-03-06', rules }), 'familyNotice');
      assert.equal(node.dueOn, '2026-03-06');
      assert.match(node.steps, /至 2026-03-06 12:00 届满/);
      assert.equal(node.state, '超期');
    });
  });
});
