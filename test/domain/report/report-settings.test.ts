import assert from 'node:assert/strict';
import { defaultReportSettings, issueNumberOf, validateReportSettings } from '../../../service/domain/report/report-settings.ts';
import { parseWeek, weekOf } from '../../../service/domain/report/week.ts';

const fromW01 = { startWeek: '2026-W01' };
const valid = { court: '××市××区人民法院', unit: '执行局 执行指挥中心', startWeek: '2026-W01', signedBy: '执行指挥中心' };
const thisWeek = weekOf('2026-12-02');

describe('weekly report settings', () => {
  it('numbers the start week 第1期 and each later week one more', () => {
    assert.equal(issueNumberOf('2026-W01', fromW01), 1);
    assert.equal(issueNumberOf('2026-W02', fromW01), 2);
    assert.equal(issueNumberOf('2026-W48', fromW01), 48);
  });

  it('counts across the year boundary: ISO 2026 has a week 53, then 2027-W01', () => {
    assert.ok(parseWeek('2026-W53').ok, '2026 has 53 ISO weeks');
    assert.equal(issueNumberOf('2026-W53', fromW01), 53);
    assert.equal(issueNumberOf('2027-W01', fromW01), 54);
    assert.equal(issueNumberOf('2026-W01', { startWeek: '2025-W52' }), 2, '2025 has 52 weeks');
    assert.equal(issueNumberOf('2027-W01', { startWeek: '2026-W53' }), 2);
  });

  it('takes an IsoWeek as well as its id, and gives no number before the start or for a week that is none', () => {
    assert.equal(issueNumberOf(weekOf('2026-11-25'), fromW01), 48);
    assert.equal(issueNumberOf('2025-W52', fromW01), null);
    assert.equal(issueNumberOf('2025-W53', fromW01), null, '2025 has no week 53');
    assert.equal(issueNumberOf('2026-W10', { startWeek: 'W10' }), null);
  });

  it('defaults to placeholders, numbered from the first stored report or 2026-W01', () => {
    assert.deepEqual(defaultReportSettings(), {
      court: '××人民法院',
      unit: '执行局 执行指挥中心',
      startWeek: '2026-W01',
      signedBy: '执行指挥中心',
      listAt: '17:30',
    });
    assert.equal(defaultReportSettings('2026-W30').startWeek, '2026-W30');
    assert.equal(defaultReportSettings('bad').startWeek, '2026-W01');
  });

  it('accepts the fields trimmed, the daily lists’ time 17:30 when none is sent, and refuses mistakes in Chinese', () => {
    const withTime = { ...valid, listAt: '17:30' };
    assert.deepEqual(validateReportSettings({ ...valid, court: '  ××市××区人民法院 ' }, thisWeek), { ok: true, value: withTime });
    assert.deepEqual(validateReportSettings({ ...valid, listAt: ' 9:05 ' }, thisWeek), { ok: true, value: { ...valid, listAt: '09:05' } });
    const message = (input: unknown) => {
      const result = validateReportSettings(input, thisWeek);
      return result.ok ? '' : result.message;
    };
    assert.equal(message({ ...valid, court: ' ' }), '请填写法院名称');
    assert.equal(message({ ...valid, unit: undefined }), '请填写发文单位');
    assert.equal(message({ ...valid, signedBy: 3 }), '请填写落款');
    assert.match(message({ ...valid, startWeek: '2026-48' }), /起始周「2026-48」有误：应为 YYYY-Www/);
    assert.match(message({ ...valid, startWeek: '2025-W53' }), /2025 年的 ISO 周为第 01 至第 52 周/);
    assert.match(message({ ...valid, startWeek: '2027-W01' }), /晚于本周（2026-W49）/);
    assert.match(message({ ...valid, court: '法'.repeat(61) }), /法院名称不能超过 60 个字/);
    assert.match(message([]), /通报设置应包含/);
    for (const listAt of ['17:60', '1730', '下午五点', 17.5])
      assert.match(message({ ...valid, listAt }), /分案清单生成时间「.*」有误，应写成 17:30 的形式（00:00 至 23:59）/, String(listAt));
    assert.ok(validateReportSettings({ ...valid, startWeek: '2026-W49' }, thisWeek).ok, 'the current week may start');
  });
});
