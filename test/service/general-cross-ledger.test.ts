import assert from 'node:assert/strict';
import { localDateTimeAt } from '../../service/domain/date-time.ts';
import type { RowResponse } from '../../service/ledger-service.ts';
import { startTestService, type TestService } from '../helpers/general-service.ts';

const CASE = '（2026）豫0102执700号';
const CASE_ROW = { caseNo: CASE, filedOn: '2026-01-05', respondent: '被执行人丁' };

const warningsOf = (row: RowResponse, column: string) =>
  row.errors.filter((p) => p.level === 'warning' && p.column === column).map((p) => p.message);

describe('general-affairs ledgers through HTTP: cross-ledger rules and the clock', () => {
  let service: TestService;

  beforeEach(async () => {
    service = await startTestService();
  });

  afterEach(async () => {
    await service.close();
  });

  const setCase = (changes: Record<string, string>) =>
    service.sync('cases', [{ ...CASE_ROW, ...changes }], { role: 'affairs', asOf: '2026-05-06' });
  const only = async (ledgerId: string, asOf: string) => {
    const { rows } = await service.rows(ledgerId, asOf);
    assert.equal(rows.length, 1);
    return rows[0];
  };

  describe('a case number the cases ledger does not have', () => {
    it('is a warning until the case is registered, then none', async () => {
      const [synced] = (
        await service.sync('fines', [{ caseNo: CASE, subject: '某公司', subjectType: '单位', amount: 50_000 }], { asOf: '2026-03-05' })
      ).rows;
      assert.equal(synced.state, 'ok');
      assert.deepEqual(warningsOf(synced, 'caseNo'), [
        `案号「${CASE}」在执行案件流转台账中不存在，请核对案号；案件登记后才能核对其结案情况`,
      ]);
      await setCase({});
      assert.deepEqual(warningsOf(await only('fines', '2026-03-05'), 'caseNo'), []);
    });
  });

  for (const [ledgerId, target] of [
    ['person-controls', { subject: '被控人丁' }],
    ['vehicle-controls', { plate: '豫AD12345' }],
  ] as const) {
    describe(`${ledgerId}: 待撤控`, () => {
      it('follows the case as it is closed and reopened', async () => {
        await setCase({});
        await service.sync(ledgerId, [{ caseNo: CASE, ...target, requestedOn: '2026-03-01', expiresOn: '2026-08-31' }], {
          asOf: '2026-05-06',
        });
        assert.equal((await only(ledgerId, '2026-05-06')).status.phase, '布控中');

        await setCase({ closedOn: '2026-04-30', closureMode: '执行完毕' });
        const closed = await only(ledgerId, '2026-05-06');
        assert.equal(closed.status.phase, '待撤控');
        assert.match(warningsOf(closed, 'revokedOn')[0], /已于 2026-04-30 结案（执行完毕），.*仍在布控，应及时撤控/);

        await setCase({ closedOn: '', closureMode: '' });
        const reopened = await only(ledgerId, '2026-05-06');
        assert.equal(reopened.status.phase, '布控中');
        assert.deepEqual(warningsOf(reopened, 'revokedOn'), []);
      });
    });
  }

  describe('measures: 待解除', () => {
    it('follows the case as it is closed by 执行完毕, reopened, and closed by 终本 instead', async () => {
      await setCase({});
      await service.sync(
        'measures',
        [
          // Without a term (第一条第一项): 第十条第一款 applies to it.
          { caseNo: CASE, measure: '纳入失信', subject: '被执行人丁', effectiveOn: '2026-03-01', expiresOn: '无' },
          { caseNo: CASE, measure: '冻结银行存款', subject: '被执行人丁', effectiveOn: '2026-03-01' },
        ],
        { asOf: '2026-05-06' },
      );
      const phases = async () =>
        (await service.rows('measures', '2026-05-06')).rows.map((row) => [row.status.phase, row.status.nextNode, row.status.nextDue]);
      assert.deepEqual(await phases(), [
        ['生效中', '', null],
        ['生效中', '续行', '2027-02-28'],
      ]);

      await setCase({ closedOn: '2026-04-30', closureMode: '执行完毕' });
      assert.deepEqual(await phases(), [
        ['待解除', '解除', '2026-05-08'],
        ['待解除', '', null],
      ]);

      await setCase({ closedOn: '', closureMode: '' });
      assert.deepEqual(
        (await phases()).map(([phase]) => phase),
        ['生效中', '生效中'],
      );

      await setCase({ closedOn: '2026-04-30', closureMode: '终结本次执行程序' });
      assert.deepEqual(
        (await phases()).map(([phase]) => phase),
        ['生效中', '生效中'],
      );
    });

    it('shows a deletion of 失信 within 3 working days as on time', async () => {
      await setCase({ closedOn: '2026-04-30', closureMode: '执行完毕' });
      const [row] = (
        await service.sync(
          'measures',
          [{ caseNo: CASE, measure: '失信', subject: '被执行人丁', effectiveOn: '2026-03-01', expiresOn: '无', revokedOn: '2026-05-08' }],
          { asOf: '2026-05-09' },
        )
      ).rows;
      assert.equal(row.status.phase, '已解除');
      const release = row.nodes.find((node) => node.id === 'release')!;
      assert.deepEqual([release.dueOn, release.state], ['2026-05-08', '已完成']);
      assert.match(
        release.basis,
        /《最高人民法院关于公布失信被执行人名单信息的若干规定》第十条第一款第一项：案件执行完毕后3个工作日内解除/,
      );
    });
  });

  describe('detentions: a second detention of the same person in the same case', () => {
    const detention = (person: string, decidedOn: string, changes: Record<string, string> = {}) => ({
      caseNo: CASE,
      person,
      decidedOn,
      days: 10,
      startOn: decidedOn,
      ...changes,
    });

    it('warns the later row, naming the earlier one; the warning goes when the earlier row goes', async () => {
      await setCase({});
      const first = await service.sync('detentions', [detention('张某', '2026-03-01'), detention('张某', '2026-04-01')], {
        asOf: '2026-04-02',
      });
      assert.deepEqual(warningsOf(first.rows[0], 'person'), []);
      assert.match(
        warningsOf(first.rows[1], 'person')[0],
        /已对被拘留人「张某」拘留过（拘留决定日期 2026-03-01）.*民诉法解释 \(2022\) 第一百八十四条/,
      );

      const second = await service.sync('detentions', [{ rowId: first.rows[1].rowId, values: detention('张某', '2026-04-01') }], {
        asOf: '2026-04-02',
        mode: 'snapshot',
        confirmDeletes: true,
      });
      assert.deepEqual(warningsOf(second.rows[0], 'person'), []);
    });

    it('matches by 证件号 when both rows have one, and not across cases', async () => {
      const id = { personId: '11010519491231002X' };
      const answer = await service.sync(
        'detentions',
        [
          detention('张某', '2026-03-01', id),
          detention('张某某', '2026-04-01', id),
          detention('张某', '2026-04-02', { personId: '110105194912310021' }),
          detention('张某', '2026-04-03', { caseNo: '（2026）豫0102执701号' }),
        ],
        { asOf: '2026-04-05' },
      );
      assert.equal(warningsOf(answer.rows[1], 'person').length, 1, 'same 证件号, other name');
      assert.equal(warningsOf(answer.rows[2], 'person').length, 0, 'same name, other 证件号');
      assert.equal(warningsOf(answer.rows[3], 'person').length, 0, 'other case');
    });
  });

  describe('summons: the clock', () => {
    const arrival = (minutesAgo: number) => localDateTimeAt(new Date(Date.now() - minutesAgo * 60_000), 'Asia/Shanghai');

    it('looks at a questioning still open as of now when asOf is today', async () => {
      const answer = await service.sync('summons', [
        { person: '到案一小时', summonedOn: '2026-01-02', arrivedAt: arrival(60) },
        { person: '到案七个半小时', summonedOn: '2026-01-02', arrivedAt: arrival(450) },
        { person: '到案八小时又五分', summonedOn: '2026-01-02', arrivedAt: arrival(485) },
      ]);
      assert.deepEqual(
        answer.rows.map((row) => [row.status.phase, row.status.alert]),
        [
          ['询问中', '正常'],
          ['询问中', '临期'],
          ['超时未结束', '超期'],
        ],
      );
    });
  });

  describe('the rules configuration', () => {
    it('holds every limit of the eight ledgers with its source, and an admin may change one', async () => {
      const { body: rules } = await service.call<{ ledgers: Record<string, Record<string, unknown>> }>('GET', '/api/rules', 'viewer');
      assert.deepEqual((rules.ledgers.summons as { questioningHours: number }).questioningHours, 8);
      assert.deepEqual(rules.ledgers.detentions.days, { min: 1, max: 15, source: '民事诉讼法 (2023) 第一百一十八条' });
      assert.deepEqual((rules.ledgers['investigation-orders'].validity as { maxDays: number }).maxDays, 30);

      (rules.ledgers['investigation-orders'].validity as { maxDays: number }).maxDays = 20;
      assert.equal((await service.call('PUT', '/api/rules', 'admin', rules)).status, 200);
      const [row] = (
        await service.sync('investigation-orders', [{ lawyer: '律师', issuedOn: '2026-03-02', validDays: 25 }], { asOf: '2026-03-03' })
      ).rows;
      assert.deepEqual(
        row.errors.filter((p) => p.level === 'error').map((p) => p.message),
        ['有效期（日）「25」超过 20 日的上限（本院律师调查令实施规定（地方规定））'],
      );
    });

    it('refuses a configuration that contradicts itself', async () => {
      const { body: rules } = await service.call<{ ledgers: Record<string, Record<string, unknown>> }>('GET', '/api/rules', 'viewer');
      (rules.ledgers.fines.limits as Record<string, { min?: number; max: number }>).单位 = { min: 2_000_000, max: 1_000_000 };
      const refused = await service.call<{ error: { code: string; message: string } }>('PUT', '/api/rules', 'admin', rules);
      assert.equal(refused.status, 400);
      assert.match(refused.body.error.message, /ledgers\.fines\.limits\.单位/);
    });
  });
});
