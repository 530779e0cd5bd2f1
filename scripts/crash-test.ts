// npm run crash-test [-- --cycles 50 --clients 4 --seed 7]: kills the service at random moments and
// checks that nothing acknowledged was lost and each acknowledged row has its audit line. Exits 1 when not.

import { parseArgs } from 'node:util';
import { runCrashCycles } from './crash-cycles.ts';

const { values } = parseArgs({
  options: { cycles: { type: 'string', default: '50' }, clients: { type: 'string', default: '4' }, seed: { type: 'string' } },
});
const seed = values.seed ? Number(values.seed) : Date.now() % 100_000;
const report = await runCrashCycles({ cycles: Number(values.cycles), clients: Number(values.clients), seed });
console.log(
  JSON.stringify({
    name: 'crash cycles',
    seed,
    cycles: report.cycles,
    acknowledgedRows: report.acknowledged,
    lost: report.lost.length,
    withoutAuditLine: report.unaudited.length,
  }),
);
if (report.lost.length > 0) console.error(`丢失了已确认的行：${report.lost.slice(0, 20).join('、')}`);
if (report.unaudited.length > 0) console.error(`已确认的行没有审计记录：${report.unaudited.slice(0, 20).join('、')}`);
if (report.lost.length > 0 || report.unaudited.length > 0) process.exit(1);
