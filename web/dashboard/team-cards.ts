// The 看板's team cards: each team's 未结, 超期, 临期, 本周收案, 本周结案 and 结案率, exactly the 周通报's
// team figures for this week as of today, in the order the service gives (the most 超期 first).

import type { TeamFigures } from '../../client/contract.ts';
import { element } from '../admin/elements.ts';

/** 结案率 as the 周通报 prints it: one decimal, '—' when the team received nothing this week. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function renderTeamCards(box: HTMLElement, teams: readonly TeamFigures[]): void {
  box.replaceChildren(...teams.map(teamCard));
}

function teamCard(team: TeamFigures): HTMLElement {
  const figures: Array<[string, string, string]> = [
    ['open', '未结', String(team.open)],
    ['overdue', '超期', String(team.overdue)],
    ['due-soon', '临期', String(team.dueSoon)],
    ['received', '本周收案', String(team.received)],
    ['closed', '本周结案', String(team.closed)],
    ['close-rate', '结案率', percent(team.closeRate)],
  ];
  const attention = team.overdue > 0 ? ' has-overdue' : team.dueSoon > 0 ? ' has-due-soon' : '';
  return element('article', { class: `team-card${attention}`, 'data-team': team.team }, [
    element('h3', {}, team.team),
    element(
      'dl',
      {},
      figures.map(([figure, label, value]) =>
        element('div', { class: `figure figure-${figure}`, 'data-figure': figure }, [element('dt', {}, label), element('dd', {}, value)]),
      ),
    ),
  ]);
}
