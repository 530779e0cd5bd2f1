// Every role × every ledger × read and write, through HTTP, against SPEC §8's table (written here
// on its own, not read from the ledger definitions it checks).

import assert from 'node:assert/strict';
import { LEDGERS } from '../../service/domain/ledgers/index.ts';
import { addUser, Sandbox, type TestService } from '../helpers/service.ts';

const ROLES = [
  'admin',
  'affairs',
  'files',
  'general',
  'team:速执团队',
  'team:特执团队',
  'team:首执团队',
  'team:执恢团队',
  'disposal',
  'viewer',
];
const TEAMS = ROLES.filter((role) => role.startsWith('team:'));
const GENERAL_AFFAIRS = [
  'summons',
  'detentions',
  'fines',
  'investigation-orders',
  'person-controls',
  'vehicle-controls',
  'measures',
  'refusals',
];

/** SPEC §8: who may write each ledger besides admin. */
function writersOf(ledgerId: string): string[] {
  if (ledgerId === 'cases') return ['affairs', 'files', ...TEAMS];
  if (ledgerId === 'payments') return ['files'];
  if (ledgerId === 'disposals') return ['disposal'];
  if (GENERAL_AFFAIRS.includes(ledgerId)) return ['general'];
  throw new Error(`SPEC §8 names no writers for ledger ${ledgerId}: add it to this matrix`);
}

describe('authorization matrix: every role × every ledger × read/write', () => {
  const sandbox = new Sandbox();
  let service: TestService;
  const tokens = new Map<string, string>();

  before(async () => {
    service = await sandbox.start();
    for (const role of ROLES) tokens.set(role, await addUser(service, `用户-${role}`, [role]));
  });
  after(() => sandbox.cleanUp());

  for (const ledger of LEDGERS) {
    for (const role of ROLES) {
      const mayWrite = role === 'admin' || writersOf(ledger.id).includes(role);
      it(`${role} ${mayWrite ? 'reads and writes' : 'reads but may not write'} ${ledger.id}`, async () => {
        const client = service.as(tokens.get(role)!);
        const read = await client.get(`/api/ledgers/${ledger.id}/rows?asOf=2026-03-10`);
        assert.equal(read.status, 200);
        const write = await client.post(`/api/ledgers/${ledger.id}/sync?asOf=2026-03-10`, { rows: [] });
        if (mayWrite) {
          assert.equal(write.status, 200, write.text);
        } else {
          assert.equal(write.status, 403, write.text);
          assert.ok(write.body.error.message.includes(ledger.name), write.body.error.message);
        }
      });
    }
  }

  it('refuses a token with one character changed', async () => {
    const token = tokens.get('admin')!;
    const altered = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
    assert.equal((await service.as(altered).get('/api/ledgers')).status, 401);
  });
});
