// npm run crash-test [-- --cycles 50 --clients 4 --seed 7]: kills the service at random moments and
// checks that nothing acknowledged was lost. Exits 1 when something was.

import { parseArgs } from 'node:util';
import { runCrashCycles } from './crash-cycles.ts';

const { values } = parseArgs({
  options: { cycles: { type: 'string', default: '50' }, clients: { type: 'string', default: '4' }, seed: { type: 'string' } },
});
const seed = values.seed ? Number(values.seed) : Date.now() % 100_000;
const report = await runCrashCycles({ cycles: Number(values.cycles), clients: Number(values.clients), seed });
console.log(
  JSON.stringify({ name: 'crash cycles', seed, cycles: report.cycles, acknowledgedRows: report.acknowledged, lost: report.lost.length }),
);
if (report.lost.length > 0) {
  console.error(`丢失了已确认的行：${report.lost.slice(0, 20).join('、')}`);
  process.exit(1);
}
