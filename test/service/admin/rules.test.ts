// The admin's rules form through HTTP (issue 13 item 4): every period, threshold and warning window
// of every ledger with its source, one item saved (audited, in force for the next sync) or reset to
// its default, the schema's refusals said in words; PUT /api/rules unchanged; admins only.

import assert from 'node:assert/strict';
import { LEDGERS } from '../../../service/domain/ledgers/index.ts';
import type { RuleItem } from '../../../service/rules-form.ts';
import { addUser, assertError, auditEntries, caseRow, nodeOf, onlyRow, Sandbox, type TestService } from '../../helpers/service.ts';

const DISBURSE = 'ledgers.payments.nodes.disburse';
const AGING = 'ledgers.payments.aging';
const item = (path: string) => `/api/rules/form/${encodeURIComponent(path)}`;

describe('admin: rules form through HTTP', function () {
  this.timeout(30_000);
  const sandbox = new Sandbox();
  let service: TestService;
  beforeEach(async () => {
    service = await sandbox.start();
  });
  afterEach(() => sandbox.cleanUp());

  async function items(): Promise<RuleItem[]> {
    const reply = await service.admin.get('/api/rules/form');
    assert.equal(reply.status, 200, reply.text);
    return reply.body.items;
  }

  it('has an item for every configured node of every ledger, with its name and source, and the thresholds', async () => {
    const form = await items();
    for (const ledger of LEDGERS) {
      for (const id of Object.keys(ledger.defaultRules.nodes)) {
        const node = ledger.nodes.find((each) => each.id === id);
        const found = form.find((each) => each.id === `ledgers.${ledger.id}.nodes.${id}`);
        assert.ok(found, `${ledger.name} ${id}`);
        assert.equal(found.label, node?.name);
        assert.equal(found.source, node?.source);
        assert.deepEqual(
          found.fields.map((field) => field.kind),
          ['period', 'boolean', 'integer'],
        );
      }
    }
    const aging = form.find((each) => each.id === AGING);
    assert.deepEqual(
      aging?.fields.map((field) => [field.label, field.value]),
      [
        ['到账后第几日起提醒', 3],
        ['到账后第几日起通报', 7],
        ['依据', '《执行指挥中心各部门工作职责（试行）》（卷宗管理中心）'],
      ],
    );
    // Every label is in Chinese: no configuration key reaches the admin.
    for (const each of form)
      for (const field of each.fields) assert.match(`${each.label}${field.label}`, /^[^a-zA-Z]*$/, `${each.id} ${field.key}`);
    assert.ok(form.every((each) => each.isDefault));
    assert.ok(form.length > 50, String(form.length));
  });

  it('saves one item (audited), which the next sync counts with, and resets it to its default', async () => {
    const saved = await service.admin.put(item('ledgers.cases.nodes.notice'), { fields: { period: { kind: 'days', n: 15 }, warnDays: 5 } });
    assert.equal(saved.status, 200, saved.text);
    assert.deepEqual(saved.body.item.fields[0].value, { kind: 'days', n: 15 });
    assert.equal(saved.body.item.isDefault, false);
    const row = onlyRow(await service.admin.sync([caseRow({ filedOn: '2026-09-01', transferredOn: null, triagedOn: null })]));
    assert.equal(nodeOf(row, 'notice').dueOn, '2026-09-16');
    assert.deepEqual((await service.admin.get('/api/rules')).body.ledgers.cases.nodes.notice, {
      period: { kind: 'days', n: 15 },
      roll: true,
      warnDays: 5,
    });
    const [entry] = (await auditEntries(service)).filter((each) => each.action === 'update-rule');
    assert.deepEqual([entry.user, entry.ledger, entry.rowId], ['admin', 'rules', 'ledgers.cases.nodes.notice']);
    assert.deepEqual(entry.after, { period: { kind: 'days', n: 15 }, roll: true, warnDays: 5 });

    const reset = await service.admin.post(`${item('ledgers.cases.nodes.notice')}/reset`, {});
    assert.equal(reset.status, 200, reset.text);
    assert.equal(reset.body.item.isDefault, true);
    assert.deepEqual((await service.admin.get('/api/rules')).body.ledgers.cases.nodes.notice, {
      period: { kind: 'days', n: 10 },
      roll: true,
    });
    assert.equal((await auditEntries(service)).filter((each) => each.action === 'reset-rule').length, 1);
  });

  it('empties an optional field, and switches off and on an item that may be switched off', async () => {
    await service.admin.put(item(DISBURSE), { fields: { warnDays: 2 } });
    const emptied = await service.admin.put(item(DISBURSE), { fields: { warnDays: '' } });
    assert.equal(emptied.body.item.fields[2].value, null);
    assert.deepEqual((await service.admin.get('/api/rules')).body.ledgers.payments.nodes.disburse, {
      period: { kind: 'days', n: 30 },
      roll: true,
    });
    const off = await service.admin.put(item('ledgers.cases.offlineInquiryBeforeTransfer'), { enabled: false });
    assert.equal(off.body.item.enabled, false);
    assert.equal((await service.admin.get('/api/rules')).body.ledgers.cases.offlineInquiryBeforeTransfer, null);
    const on = await service.admin.put(item('ledgers.cases.offlineInquiryBeforeTransfer'), {
      enabled: true,
      fields: { source: '本院规定' },
    });
    assert.equal(on.body.item.enabled, true);
    assert.deepEqual((await service.admin.get('/api/rules')).body.ledgers.cases.offlineInquiryBeforeTransfer, { source: '本院规定' });
  });

  it('refuses what the schema refuses, naming the ledger, the item and the setting in words, and keeps the rules', async () => {
    const zero = assertError(await service.admin.put(item(DISBURSE), { fields: { period: { kind: 'days', n: 0 } } }), 400, 'invalid_rules');
    assert.equal(zero, '案款台账「发放」的「期限」：应大于 0');
    const order = assertError(await service.admin.put(item(AGING), { fields: { remindFromDay: 9 } }), 400);
    assert.equal(order, '案款台账「未发放案款的催办」：提醒天数应小于通报天数');
    const text = assertError(await service.admin.put(item(AGING), { fields: { remindFromDay: 'abc' } }), 400);
    assert.match(text, /案款台账「未发放案款的催办」的「到账后第几日起提醒」：应为数字$/);
    const big = assertError(await service.admin.put(item('ledgers.detentions.days'), { fields: { max: 400 } }), 400);
    assert.equal(big, '拘留台账「拘留天数」的「最多（日）」：不能大于 365');
    assert.match(assertError(await service.admin.put(item(AGING), { fields: { source: '' } }), 400), /「依据」不能为空/);
    assert.match(assertError(await service.admin.put(item(AGING), { fields: { nodes: 1 } }), 400), /没有名为「nodes」的设置/);
    assert.ok((await items()).every((each) => each.isDefault));
    assert.equal((await auditEntries(service)).filter((each) => each.ledger === 'rules').length, 0);
  });

  it('answers 404 in Chinese for an item it does not have', async () => {
    assert.match(
      assertError(await service.admin.put(item('ledgers.payments.nodes.nothing'), { fields: {} }), 404, 'rule_not_found'),
      /没有这一项规则设置/,
    );
    assertError(await service.admin.post(`${item('ledgers.nothing')}/reset`, {}), 404, 'rule_not_found');
  });

  it('keeps PUT /api/rules for the whole configuration', async () => {
    const rules = (await service.admin.get('/api/rules')).body;
    rules.ledgers.payments.aging.remindFromDay = 2;
    assert.equal((await service.admin.put('/api/rules', rules)).status, 200);
    assert.equal((await items()).find((each) => each.id === AGING)?.isDefault, false);
  });

  it('refuses the form, a save and a reset to anyone but an admin, with a Chinese 403', async () => {
    const clerk = service.as(await addUser(service, '书记员', ['files']));
    for (const reply of [
      await clerk.get('/api/rules/form'),
      await clerk.put(item(DISBURSE), { fields: { warnDays: 1 } }),
      await clerk.post(`${item(DISBURSE)}/reset`, {}),
    ]) {
      assert.match(assertError(reply, 403, 'forbidden'), /只有管理员可以修改规则配置/);
    }
    assert.ok((await items()).every((each) => each.isDefault));
  });
});
