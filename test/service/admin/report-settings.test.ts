// The weekly report's settings through HTTP (issue 14 item 1): everyone signed in reads them, the
// defaults until an admin saves; only an admin saves them, validated in Chinese and audited; the
// answer says which issue number (第N期) the last week gets.

import assert from 'node:assert/strict';
import { addUser, assertError, auditEntries, Sandbox, type TestService } from '../../helpers/service.ts';

/** Wednesday 2026-12-02, noon at the court: this week is 2026-W49, the last one 2026-W48. */
const NOON = new Date('2026-12-02T04:00:00Z');
const SETTINGS = { court: '××市××区人民法院', unit: '执行局 执行指挥中心', startWeek: '2026-W10', signedBy: '执行指挥中心' };

describe('admin: weekly report settings through HTTP', function () {
  this.timeout(30_000);
  const sandbox = new Sandbox();
  let service: TestService;
  beforeEach(async () => {
    service = await sandbox.start({ clock: () => NOON });
  });
  afterEach(() => sandbox.cleanUp());

  it('answers the defaults to a team user before an admin saves any', async () => {
    const token = await addUser(service, '张三', ['team:速执团队']);
    const reply = await service.as(token).get('/api/settings/report');
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.body.saved, false);
    assert.deepEqual(
      [reply.body.settings.court, reply.body.settings.unit, reply.body.settings.signedBy],
      ['××人民法院', '执行局 执行指挥中心', '执行指挥中心'],
    );
    // The service made 2026-W48's report as it started: the first stored report is 第1期.
    assert.equal(reply.body.settings.startWeek, '2026-W48');
    assert.deepEqual(reply.body.lastWeek, { week: '2026-W48', issue: 1 });
  });

  it('numbers from the first stored report by default', async () => {
    await service.store.reports.save('2026-W30', new Uint8Array([1]));
    await service.store.reports.save('2026-W31', new Uint8Array([1]));
    const reply = await service.admin.get('/api/settings/report');
    assert.equal(reply.body.settings.startWeek, '2026-W30');
    assert.deepEqual(reply.body.lastWeek, { week: '2026-W48', issue: 19 });
  });

  it('refuses a user who is not an admin, and keeps the settings', async () => {
    const token = await addUser(service, '张三', ['team:速执团队']);
    const message = assertError(await service.as(token).put('/api/settings/report', SETTINGS), 403, 'forbidden');
    assert.match(message, /只有管理员可以修改通报设置/);
    assert.equal((await service.admin.get('/api/settings/report')).body.saved, false);
  });

  it('refuses mistakes in Chinese', async () => {
    const refused = async (body: unknown) =>
      assertError(await service.admin.put('/api/settings/report', body), 400, 'invalid_report_settings');
    assert.equal(await refused({ ...SETTINGS, court: '' }), '请填写法院名称');
    assert.equal(await refused({ ...SETTINGS, signedBy: '  ' }), '请填写落款');
    assert.match(await refused({ ...SETTINGS, startWeek: '2026年第10周' }), /起始周「2026年第10周」有误：应为 YYYY-Www 形式的 ISO 周/);
    assert.match(await refused({ ...SETTINGS, startWeek: '2027-W01' }), /起始周 2027-W01 晚于本周（2026-W49）/);
    assert.match(await refused({ ...SETTINGS, listAt: '24:00' }), /分案清单生成时间「24:00」有误，应写成 17:30 的形式/);
    assert.equal((await service.admin.get('/api/settings/report')).body.saved, false);
  });

  it('saves the settings (audited): everyone reads them back, with the last week numbered from the start', async () => {
    const saved = await service.admin.put('/api/settings/report', { ...SETTINGS, court: ` ${SETTINGS.court} ` });
    assert.equal(saved.status, 200, saved.text);
    // A client that sends no time for the daily 分案清单 keeps the default, 17:30.
    const kept = { ...SETTINGS, listAt: '17:30' };
    assert.deepEqual(saved.body, { settings: kept, saved: true, lastWeek: { week: '2026-W48', issue: 39 } });
    const token = await addUser(service, '李四', ['viewer']);
    assert.deepEqual((await service.as(token).get('/api/settings/report')).body, saved.body);
    const entry = (await auditEntries(service)).find((each) => each.ledger === 'report-settings');
    assert.ok(entry, 'an audit line');
    assert.deepEqual([entry.user, entry.action, entry.after], ['admin', 'update', kept]);
    const later = await service.admin.put('/api/settings/report', { ...SETTINGS, listAt: '16:45' });
    assert.equal(later.body.settings.listAt, '16:45');
    assert.equal((entry.before as { court: string }).court, '××人民法院');
  });
});
