// One process per data directory, also when two ask at the same instant: two real processes, each
// opening a FileStore on the same fresh data directory, released at once (20 directories, then
// directories holding a stale lock); never do both get it, and the one refused is told in Chinese
// which directory and which PID holds it.

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHINESE, ROOT } from '../helpers/service.ts';

const TRIALS = 20;
const STALE_TRIALS = 10;
/** A PID no process runs under (checked in the test itself). */
const DEAD_PID = 999_999;

/** A process holding data directories through the store (test/helpers/hold-data-dir.ts). */
class Holder {
  private readonly child: ChildProcess;
  private lines: string[] = [];
  private partial = '';

  constructor() {
    this.child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'helpers', 'hold-data-dir.ts')], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.child.stdout!.on('data', (chunk) => {
      const text = this.partial + String(chunk);
      const complete = text.split('\n');
      this.partial = complete.pop()!;
      this.lines.push(...complete);
    });
  }

  send(command: string): void {
    this.child.stdin!.write(`${command}\n`);
  }

  /** The next line it says. */
  async next(): Promise<string> {
    for (;;) {
      const line = this.lines.shift();
      if (line !== undefined) return line;
      if (this.child.exitCode !== null) throw new Error(`进程已退出（${this.child.exitCode}）`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin!.end();
    await exited;
  }
}

describe('the data-directory lock under a race', function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  let holders: Holder[] = [];

  before(async () => {
    holders = [new Holder(), new Holder()];
    for (const holder of holders) assert.equal(await holder.next(), 'ready');
  });
  after(async () => {
    await Promise.all(holders.map((holder) => holder.stop()));
    for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
  });

  /** Both processes open the same fresh directory at the same instant; exactly one holds it. */
  async function race(prepare: (dataDir: string) => Promise<void>): Promise<void> {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ledger-lock-race-'));
    dirs.push(dataDir);
    await prepare(dataDir);
    for (const holder of holders) holder.send(`open ${dataDir}`);
    const said = await Promise.all(holders.map((holder) => holder.next()));

    const locked = said.filter((line) => line.startsWith('locked '));
    assert.equal(locked.length, 1, `两个进程同时打开同一数据目录，应恰好一个取得：${said.join(' | ')}`);
    const winner = locked[0].slice('locked '.length);
    const refusal = said.find((line) => line.startsWith('refused '))!;
    assert.match(refusal, CHINESE);
    assert.ok(refusal.includes(dataDir), refusal);
    assert.ok(refusal.includes(`PID ${winner}`), `${refusal} 应指明占用它的进程 ${winner}`);
    assert.equal((await fs.readFile(path.join(dataDir, 'service.lock'), 'utf8')).trim(), winner);

    for (const holder of holders) holder.send('close');
    assert.deepEqual(await Promise.all(holders.map((holder) => holder.next())), ['closed', 'closed']);
    assert.deepEqual(
      (await fs.readdir(dataDir)).filter((name) => name.startsWith('service.lock')),
      [],
      'the holder released the lock, and no takeover or temporary file is left',
    );
  }

  it(`never lets both of two processes opening a fresh data directory at the same instant hold it (${TRIALS} directories)`, async () => {
    for (let trial = 0; trial < TRIALS; trial += 1) await race(async () => {});
  });

  it(`never lets both of two processes take over the same stale lock (${STALE_TRIALS} directories)`, async () => {
    assert.throws(() => process.kill(DEAD_PID, 0), { code: 'ESRCH' });
    for (let trial = 0; trial < STALE_TRIALS; trial += 1) {
      await race((dataDir) => fs.writeFile(path.join(dataDir, 'service.lock'), String(DEAD_PID)));
    }
  });
});
