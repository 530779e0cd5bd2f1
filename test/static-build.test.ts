// `npm install && npm start` on a fresh clone serves the add-in and the web page: the repository's
// files are copied to a directory without dist/ (node_modules linked, as after npm install), and
// `npm start` there must build before it serves /taskpane.html, /commands.html and /web/. In the
// built tree, the check finds dist/ up to date, and older than a source changed or removed since.

import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildReason } from '../service/static-build.ts';
import { ROOT } from './helpers/service.ts';

describe('npm start on a fresh clone builds the add-in and the web page first', function () {
  this.timeout(240_000);
  let tree: string;
  let child: ChildProcess | null = null;
  let output = '';

  before(() => {
    tree = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-fresh-clone-'));
    // What a clone has: the tracked files (and, in a working copy, the new ones not yet committed); no dist/, no data/.
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((file) => file !== '' && fs.existsSync(path.join(ROOT, file)));
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, file), path.join(tree, file));
    }
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(tree, 'node_modules'), 'junction');
  });
  after(async () => {
    await stop();
    fs.rmSync(tree, { recursive: true, force: true });
  });

  async function stop(): Promise<void> {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.pid === undefined) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    // npm runs the service as its child: the whole group goes.
    process.kill(-running.pid, 'SIGTERM');
    await exited;
  }

  it('has no dist/ to begin with, and the check says so', () => {
    assert.equal(fs.existsSync(path.join(tree, 'dist')), false);
    assert.equal(buildReason(tree), 'dist/ 中没有 taskpane.html');
  });

  it('npm start builds, then serves /taskpane.html, /commands.html, /web/ and the WPS pages', async () => {
    child = spawn('npm', ['start'], {
      cwd: tree,
      detached: true,
      env: { ...process.env, HTTPS: '0', PORT: '0', HOST: '127.0.0.1', DATA_DIR: path.join(tree, 'data'), ADMIN_TOKEN: '', PUBLIC_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => (output += String(chunk)));
    child.stderr?.on('data', (chunk) => (output += String(chunk)));
    const url = await started(
      () => output,
      () => child?.exitCode ?? null,
    );
    assert.match(output, /正在构建加载项和网页版（dist\/ 中没有 taskpane\.html）/);
    assert.ok(output.indexOf('构建完成') < output.indexOf('服务已启动'), 'built before it listens');
    for (const page of ['/taskpane.html', '/commands.html', '/web/', '/wps/', '/wps/addin/', '/wps/addin/taskpane.html']) {
      const reply = await fetch(`${url}${page}`);
      assert.equal(reply.status, 200, page);
      assert.match(reply.headers.get('content-type') ?? '', /^text\/html/, page);
      // Its own bundle (minified HTML leaves the attribute unquoted), served too.
      const bundle = /<script[^>]*\ssrc="?([^"\s>]+\.[0-9a-f]{8}\.js)/.exec(await reply.text());
      assert.ok(bundle, `${page} loads its bundle`);
      assert.equal((await fetch(new URL(bundle[1], `${url}${page}`))).status, 200, bundle[1]);
    }
    await stop();
  });

  it('finds the built dist/ up to date, so the next start does not build again', () => {
    assert.equal(buildReason(tree), null);
  });

  it('finds dist/ stale after a source it was built from changes, or is removed', () => {
    const source = path.join(tree, 'web', 'index.ts');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(source, later, later);
    assert.equal(buildReason(tree), 'web/index.ts 在上次构建后有改动');
    fs.rmSync(source);
    assert.equal(buildReason(tree), 'web/index.ts 已删除');
  });
});

/** The URL the service printed once it listens; fails when the process exits first. */
async function started(output: () => string, exitCode: () => number | null, ms = 200_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = /服务已启动：(https?:\/\/[^\s（]+)/.exec(output());
    if (match) return match[1];
    if (exitCode() !== null) throw new Error(`npm start 已退出（${exitCode()}）：${output()}`);
    if (Date.now() > deadline) throw new Error(`npm start 未启动：${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
