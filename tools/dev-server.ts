// npm run dev-server: the service (restarted when its code changes) and the add-in rebuilt into
// dist/ on every change, in one command, as Office add-in tooling expects (office-addin-debugging
// starts it for npm run sideload).

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const webpack = require.resolve('webpack-cli/bin/cli.js');
// A first build before the service starts, so it finds dist/ to serve.
execFileSync(process.execPath, [webpack, '--mode', 'development'], { cwd: root, stdio: 'inherit' });
const children: ChildProcess[] = [
  spawn(process.execPath, [webpack, '--mode', 'development', '--watch'], { cwd: root, stdio: 'inherit' }),
  // The watching webpack keeps dist/ up to date: the service must not start a build of its own beside it.
  spawn(process.execPath, [require.resolve('tsx/cli'), 'watch', 'service/main.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BUILD_AT_START: '0' },
  }),
];

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));
