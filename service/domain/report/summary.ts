// The 周通报's opening paragraph (issue 14): sentences written from the report's figures, each
// against last week where last week is known, and each only when its figure says something (no
// 「超期未结 0 件」). Pure: the report and last week's bureau figures (the trend's) come in.

import { detentionsLedger } from '../ledgers/detentions/definition.ts';
import { formatYuan } from '../normalize/index.ts';
import { round } from './sections/cases.ts';
import { nodeLabel } from './sections/nodes.ts';
import type { TrendFigures } from './trend.ts';
import type { WeeklyReport } from './weekly-report.ts';

export type SummaryTopic = 'received' | 'closed' | 'closeRate' | 'overdue' | 'payments' | 'revocation' | 'release';

export interface SummarySentence {
  topic: SummaryTopic;
  text: string;
}

type LastWeek = Pick<TrendFigures, 'received' | 'closed' | 'closeRate'> | null;

/** 「较上周上升 12 件」, 「较上周下降 3 件」, 「与上周持平」. */
function against(now: number, before: number, unit: string): string {
  const change = round(now - before, 2);
  if (change === 0) return '与上周持平';
  return `较上周${change > 0 ? '上升' : '下降'} ${Math.abs(change)} ${unit}`;
}

/** 0.8167 → 81.67%. */
export function percentText(rate: number): string {
  return `${round(rate * 100, 2)}%`;
}

function countSentence(topic: 'received' | 'closed', label: string, now: number, before: number | undefined): SummarySentence | null {
  if (now === 0 && !before) return null;
  const comparison = before === undefined ? '' : `，${against(now, before, '件')}`;
  return { topic, text: `本周${label} ${now} 件${comparison}。` };
}

function closeRateSentence(rate: number | null, before: number | null | undefined): SummarySentence | null {
  if (rate === null) return null;
  const comparison = before === null || before === undefined ? '' : `，${against(rate * 100, before * 100, '个百分点')}`;
  return { topic: 'closeRate', text: `结案率 ${percentText(rate)}${comparison}。` };
}

function overdueSentence(report: WeeklyReport): SummarySentence | null {
  const total = report.teams.reduce((sum, team) => sum + team.overdue, 0);
  const most = Math.max(0, ...report.teams.map((team) => team.overdue));
  if (most === 0) return null;
  const teams = report.teams.filter((team) => team.overdue === most).map((team) => team.team);
  const each = teams.length > 1 ? '各' : '为';
  return { topic: 'overdue', text: `超期未结案件共 ${total} 件，其中${teams.join('、')}最多，${each} ${most} 件。` };
}

const RELEASE = detentionsLedger.nodes.find((rule) => rule.id === 'release');
const RELEASE_NODE = RELEASE ? nodeLabel(detentionsLedger, RELEASE) : null;

export function reportSummary(report: WeeklyReport, lastWeek: LastWeek): SummarySentence[] {
  const received = report.teams.reduce((sum, team) => sum + team.received, 0);
  const closed = report.teams.reduce((sum, team) => sum + team.closed, 0);
  const rate = received > 0 ? round(closed / received, 4) : null;
  const { payments, measures } = report;
  const release = report.nodes.find((node) => node.node === RELEASE_NODE)?.openOverdue ?? 0;
  const sentences = [
    countSentence('received', '收案', received, lastWeek?.received),
    countSentence('closed', '结案', closed, lastWeek?.closed),
    closeRateSentence(rate, lastWeek?.closeRate),
    overdueSentence(report),
    payments.over30 > 0
      ? {
          topic: 'payments',
          text: `超过发放期限未发放的案款 ${payments.over30} 笔，金额 ${formatYuan(payments.over30Amount)} 元，请尽快发放。`,
        }
      : null,
    measures.pendingRevocation > 0
      ? { topic: 'revocation', text: `待解除、待删除、待撤控的措施 ${measures.pendingRevocation} 项，请及时办理。` }
      : null,
    release > 0 ? { topic: 'release', text: `拘留期满应释放未释放 ${release} 人，请立即核实并办理解除。` } : null,
  ];
  return sentences.filter((sentence): sentence is SummarySentence => sentence !== null);
}
