// 繁简分流: which team a case goes to, by the configured rules in order, and why.

import { testOf, type Test } from '../../conditions.ts';
import type { RowValues } from '../../ledger.ts';
import { describePeriod } from '../../periods.ts';
import type { CasesRules, CloseLimit, TriageRule } from './rules.ts';

export interface TriageDecision {
  team: string;
  /** The rule that chose the team; null for the fallback by case type or a manual adjustment. */
  ruleId: string | null;
  close: CloseLimit;
  basis: string;
}

export function describeLimit(limit: CloseLimit): string {
  return limit.from === 'triage' ? `分流之日起${describePeriod(limit.period)}内结案` : '法定期限内结案';
}

export const ruleName = (rule: TriageRule) => `规则${rule.id}「${rule.label}」`;

/**
 * Proposals by the rules they were made from and which of their rules matched: the same few
 * combinations serve 100,000 cases, so each proposal (frozen, and shared by the rows it serves) is
 * made once rather than its words for every row.
 */
const proposals = new WeakMap<CasesRules['triage'], { tests: Test[]; byMatch: Map<string, Readonly<TriageDecision>> }>();

/** The rules' proposal: the first matching rule wins; every other matching rule is named too. */
export function proposeTeam(values: RowValues, rules: CasesRules['triage']): Readonly<TriageDecision> | null {
  const caseType = values.caseType;
  if (caseType !== '执' && caseType !== '执恢') return null;
  let made = proposals.get(rules);
  if (!made) proposals.set(rules, (made = { tests: rules.rules.map((rule) => testOf(rule.when)), byMatch: new Map() }));
  const { tests, byMatch } = made;
  let key: string = caseType;
  for (let index = 0; index < tests.length; index++) if (tests[index](values)) key += `,${index}`;
  let proposal = byMatch.get(key);
  if (!proposal) {
    const matched = rules.rules.filter((_, index) => tests[index](values));
    byMatch.set(key, (proposal = Object.freeze(proposalOf(caseType, matched, rules))));
  }
  return proposal;
}

function proposalOf(caseType: '执' | '执恢', matched: TriageRule[], rules: CasesRules['triage']): TriageDecision {
  const others = matched.slice(1).map(ruleName);
  const also = others.length > 0 ? `；另符合${others.join('、')}` : '';
  const [first] = matched;
  if (first) {
    return {
      team: first.team,
      ruleId: first.id,
      close: first.close,
      basis: `${ruleName(first)}：${first.team}，${describeLimit(first.close)}${also}`,
    };
  }
  const team = rules.fallback[caseType];
  const close = rules.teamDefaults[team] ?? { from: 'statutory' };
  const kind = caseType === '执' ? '首次执行' : '恢复执行';
  return {
    team,
    ruleId: null,
    close,
    basis: `未符合规则${rules.rules.map((rule) => rule.id).join('、')}，${kind}案件由${team}办理，${describeLimit(close)}`,
  };
}

/** 分流调整 wins over the rules; its reason and the rules' own proposal go into the basis. */
export function overrideTeam(
  team: string,
  reason: string | null,
  proposal: TriageDecision | null,
  rules: CasesRules['triage'],
): TriageDecision {
  const close = rules.teamDefaults[team] ?? { from: 'statutory' };
  const why = reason ? `，理由：${reason}` : '';
  const proposed = proposal ? `；规则建议：${proposal.team}${proposal.ruleId ? `（规则${proposal.ruleId}）` : ''}` : '';
  return { team, ruleId: null, close, basis: `分流调整为${team}${why}，${describeLimit(close)}${proposed}` };
}
