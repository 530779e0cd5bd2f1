// Node states and the row summary (SPEC §3): which node is next, how many days are left, and the
// row's alert, the worst state among its open nodes.

import { asDate, diffDays, toDayNumber, type CivilDate } from './civil-date.ts';
import type { Calendar } from './calendar.ts';
import type { NodeConfig, NodeResult, NodeRule, NodeState, RowValues, WarnDefaults } from './ledger.ts';
import { countsOf, describePeriod, type BasedDue, type DueDate, type Period } from './periods.ts';

export const OPEN_STATES: readonly NodeState[] = ['超期', '临期', '正常'];

/** Approximate length of a period in days, to choose its default warning window. */
function periodLengthDays(period: Period): number {
  switch (period.kind) {
    case 'sameDay':
      return 0;
    case 'days':
      return period.n;
    case 'workdays':
      return Math.ceil((period.n * 7) / 5);
    case 'months':
      return period.n * 30;
    case 'years':
      return period.n * 365;
  }
}

export function warnDaysFor(config: NodeConfig, defaults: WarnDefaults): number {
  if (config.warnDays !== undefined) return config.warnDays;
  const length = periodLengthDays(config.period);
  if (config.period.kind === 'sameDay') return defaults.sameDay;
  return length <= defaults.shortPeriodDays ? defaults.short : defaults.long;
}

export function nodeState(dueOn: CivilDate, doneOn: CivilDate | null, asOf: CivilDate, warnDays: number): NodeState {
  if (doneOn) return doneOn <= dueOn ? '已完成' : '超期完成';
  return openState(diffDays(dueOn, asOf), warnDays);
}

/** The state of a node not yet done, by its days left. */
function openState(daysLeft: number, warnDays: number): NodeState {
  if (daysLeft < 0) return '超期';
  return daysLeft <= warnDays ? '临期' : '正常';
}

export function nodeResult(
  rule: Pick<NodeRule, 'id' | 'name'>,
  due: BasedDue,
  doneOn: CivilDate | null,
  asOf: CivilDate,
  warnDays: number,
): NodeResult {
  const state = nodeState(due.dueOn, doneOn, asOf, warnDays);
  return {
    id: rule.id,
    name: rule.name,
    dueOn: due.dueOn,
    doneOn,
    state,
    daysLeft: doneOn ? null : diffDays(due.dueOn, asOf),
    basis: due.basis,
    steps: due.steps,
  };
}

export interface NodeInputs {
  values: RowValues;
  headers: Record<string, string>;
  calendar: Calendar;
  asOf: CivilDate;
  configs: Record<string, NodeConfig>;
  warnDefaults: WarnDefaults;
  /** Due dates the ledger derived itself (e.g. closeDue), usable as a node's anchor. */
  derived?: Record<string, BasedDue | null>;
}

/** A node's calendar note (a year without holiday data) reaches 校验意见 only while it is this close. */
export const CALENDAR_NOTE_DAYS = 60;

/** The open node due first: the row's current node (下一节点), undefined when none is open. */
export function currentNode(nodes: NodeResult[]): NodeResult | undefined {
  let first: NodeResult | undefined;
  for (const node of nodes) if (OPEN_STATES.includes(node.state) && (!first || node.dueOn < first.dueOn)) first = node;
  return first;
}

/** Whether a calendar note about `node` belongs in the row's 校验意见: it is the current node and due within 60 days. */
export function calendarNoteApplies(node: NodeResult | undefined, nodes: NodeResult[]): boolean {
  return node !== undefined && node === currentNode(nodes) && node.daysLeft !== null && node.daysLeft <= CALENDAR_NOTE_DAYS;
}

/**
 * Computes every applicable node whose anchor is known. Calendar warnings (a year without
 * holiday data) are returned beside the nodes, keyed by the anchor column — only the current
 * node's, and only while it is due within 60 days: every node's steps say how it was counted, but
 * a clerk is not asked about a deadline months away (issue 13: 3,635 of 8,000 rows flagged).
 */
export function computeNodes(
  rules: NodeRule[],
  inputs: NodeInputs,
): { nodes: NodeResult[]; warnings: Array<{ column: string; message: string }> } {
  const nodes: NodeResult[] = [];
  // Only a node whose counting met a year without holiday data has notes; most rows have none.
  let noted: Map<NodeResult, Array<{ column: string; message: string }>> | null = null;
  let asOfDay: number | undefined;
  for (const rule of rules) {
    if (rule.appliesTo && !rule.appliesTo(inputs.values)) continue;
    const config = inputs.configs[rule.id];
    let due: DueDate;
    let basis: string;
    const derived = inputs.derived?.[rule.anchor];
    if (derived !== undefined) {
      if (derived === null) continue;
      due = derived;
      basis = derived.basis;
    } else {
      const anchorDate = asDate(inputs.values[rule.anchor]);
      if (!anchorDate || !config) continue;
      const header = inputs.headers[rule.anchor] ?? rule.anchor;
      due = countsFor(header, config, inputs.calendar)(anchorDate);
      basis = ruleBasis(rule, header, config);
    }
    const doneOn = doneDate(rule, inputs);
    const note = doneOn && rule.doneByFallback ? doneNote(rule, inputs, doneOn) : null;
    // nodeResult's state and days left, with the report day's number read once for every node.
    let state: NodeState;
    let daysLeft: number | null = null;
    if (doneOn) state = doneOn <= due.dueOn ? '已完成' : '超期完成';
    else {
      daysLeft = toDayNumber(due.dueOn) - (asOfDay ??= toDayNumber(inputs.asOf));
      state = openState(daysLeft, config ? warnDaysFor(config, inputs.warnDefaults) : inputs.warnDefaults.long);
    }
    const node: NodeResult = {
      id: rule.id,
      name: rule.name,
      dueOn: due.dueOn,
      doneOn,
      state,
      daysLeft,
      basis: note ? `${basis}；${note}` : basis,
      steps: due.steps,
    };
    nodes.push(node);
    if (due.warnings.length > 0) {
      noted ??= new Map();
      noted.set(
        node,
        due.warnings.map((message) => ({ column: rule.anchor, message: `${rule.name}：${message}` })),
      );
    }
  }
  const current = noted ? currentNode(nodes) : undefined;
  const warnings = current && calendarNoteApplies(current, nodes) ? (noted?.get(current) ?? []) : [];
  return { nodes, warnings };
}

/** Each node configuration's counting (see countsOf), with the anchor header and calendar it was made for. */
const counts = new WeakMap<NodeConfig, { header: string; calendar: Calendar; count: (date: CivilDate) => DueDate }>();

function countsFor(header: string, config: NodeConfig, calendar: Calendar): (date: CivilDate) => DueDate {
  const known = counts.get(config);
  if (known && known.header === header && known.calendar === calendar) return known.count;
  const count = countsOf(calendar, header, config.period, { roll: config.roll });
  counts.set(config, { header, calendar, count });
  return count;
}

/**
 * 「来源：锚点起N日内」: the same words for every row a rule counts with its configured period, so
 * made once per node configuration (the rules' objects, shared by every row until the rules are
 * saved) rather than for each of 100,000 rows.
 */
const bases = new WeakMap<NodeConfig, { rule: NodeRule; header: string; basis: string }>();

function ruleBasis(rule: NodeRule, header: string, config: NodeConfig): string {
  const known = bases.get(config);
  if (known && known.rule === rule && known.header === header) return known.basis;
  const within = config.period.kind === 'sameDay' ? '当日' : `起${describePeriod(config.period)}内`;
  const basis = `${rule.source}：${header}${within}`;
  bases.set(config, { rule, header, basis });
  return basis;
}

/** The date that closes a node: its own column's, else the first of its fallback columns that is filled. */
function doneDate(rule: NodeRule, inputs: NodeInputs): CivilDate | null {
  const on = asDate(inputs.values[rule.doneBy]);
  if (on || !rule.doneByFallback) return on;
  for (const column of rule.doneByFallback) {
    const fallback = asDate(inputs.values[column]);
    if (fallback) return fallback;
  }
  return null;
}

/** For a node with fallback columns, the note naming the column its done date was read from. */
function doneNote(rule: NodeRule, inputs: NodeInputs, on: CivilDate): string {
  const column = [rule.doneBy, ...(rule.doneByFallback ?? [])].find((candidate) => asDate(inputs.values[candidate])) ?? rule.doneBy;
  const used = `按${inputs.headers[column] ?? column} ${on} 认定完成`;
  return column === rule.doneBy ? used : `未填${inputs.headers[rule.doneBy] ?? rule.doneBy}，${used}`;
}

export interface NodeSummary {
  nextNode: string;
  nextDue: CivilDate | null;
  daysLeft: number | null;
  alert: string;
}

/** How urgent an open state is: the worse, the higher (a row's alert, a list's order). */
export const SEVERITY: Record<string, number> = { 超期: 3, 临期: 2, 正常: 1 };

/** The open node due first is "next"; the alert is the worst open state, 已完成 when none is open. */
export function summarizeNodes(nodes: NodeResult[]): NodeSummary {
  const next = currentNode(nodes);
  if (!next) {
    return { nextNode: '', nextDue: null, daysLeft: null, alert: nodes.length > 0 ? '已完成' : '' };
  }
  let worst = next;
  for (const node of nodes) if ((SEVERITY[node.state] ?? 0) > SEVERITY[worst.state]) worst = node;
  return { nextNode: next.name, nextDue: next.dueOn, daysLeft: next.daysLeft, alert: worst.state };
}
