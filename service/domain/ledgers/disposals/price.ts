// The reference price of a property under disposal (参考价规定): the start of pricing after the
// seizure, the report by method, its service, the parties' objection period and an objection filed
// in it, and the day the price is settled, from which the sale is started.

import type { Calendar } from '../../calendar.ts';
import { asDate, type CivilDate } from '../../civil-date.ts';
import type { NodeConfig, RowValues } from '../../ledger.ts';
import { countPeriod, describePeriod, type BasedDue } from '../../periods.ts';
import type { Problem } from '../../problem.ts';
import { PRICE_METHODS, SOURCES, type DisposalsRules, type PriceMethod, type ReportPeriod } from './rules.ts';

export interface PriceStage {
  /** Due dates the nodes anchor on, by the derived anchor's id. */
  dues: Record<'pricingStartDue' | 'priceReportDue' | 'objectionDue' | 'saleStartDue', BasedDue | null>;
  /** The configs of the nodes that apply to the row's method. */
  configs: Record<string, NodeConfig>;
  /** The last day of the objection period once it has passed (closes the informational node). */
  objectionEndedOn: CivilDate | null;
  /** An objection filed in time and not decided yet: the sale waits for the decision. */
  objectionPending: boolean;
  problems: Problem[];
}

interface Inputs {
  values: RowValues;
  headers: Record<string, string>;
  rules: DisposalsRules;
  asOf: CivilDate;
  calendar: Calendar;
}

const count = (inputs: Inputs, date: CivilDate, label: string, config: NodeConfig) =>
  countPeriod(inputs.calendar, { date, label }, config.period, { roll: config.roll });

export function priceStage(inputs: Inputs): PriceStage {
  const { values, headers, rules, asOf } = inputs;
  const method = PRICE_METHODS.find((word) => word === values.priceMethod) ?? null;
  const reported = method !== null && rules.reportMethods.includes(method);
  const objectable = reported && method !== null && rules.settlement[method].objection;
  const reportPeriod = method ? rules.reportPeriods[method] : undefined;

  const objectionDue = objectable ? objectionDueOf(inputs) : null;
  // The objection period has passed once asOf is after its last day.
  const objectionEndedOn = objectionDue && asOf > objectionDue.dueOn ? objectionDue.dueOn : null;
  const hold = objectionHold(inputs, method, objectable, objectionDue);
  const settled = priceSettled(inputs, method, hold, objectionDue, objectionEndedOn);
  const saleStart = rules.nodes.saleStart;
  const saleStartDue: BasedDue | null = settled
    ? {
        ...count(inputs, settled.date, settled.label, saleStart),
        basis: `${SOURCES.saleStart}：参考价确定后${describePeriod(saleStart.period)}内启动变价程序（${settled.how}）`,
      }
    : null;
  const problems = [...hold.problems, ...checkExtension(inputs, method)];
  if (!method && asDate(values.priceRequestedOn)) {
    const message = `已填${headers.priceRequestedOn}，${headers.priceMethod}为空，无法确定报告期限`;
    problems.push({ column: 'priceMethod', level: 'warning', message });
  }
  return {
    dues: { pricingStartDue: pricingStartDueOf(inputs), priceReportDue: reportDueOf(inputs, method), objectionDue, saleStartDue },
    configs: {
      pricingStart: rules.nodes.pricingStart,
      ruling: rules.nodes.ruling,
      ...(reportPeriod ? { priceReport: reportPeriod } : {}),
      ...(reported ? { reportService: rules.nodes.reportService } : {}),
      ...(objectable ? { objection: rules.nodes.objection } : {}),
      saleStart,
    },
    objectionEndedOn,
    objectionPending: hold.pending,
    problems,
  };
}

function pricingStartDueOf(inputs: Inputs): BasedDue | null {
  const seizedOn = asDate(inputs.values.seizedOn);
  if (!seizedOn) return null;
  const config = inputs.rules.nodes.pricingStart;
  return {
    ...count(inputs, seizedOn, inputs.headers.seizedOn, config),
    basis: `${SOURCES.pricingStart}：查封、扣押、冻结财产后${describePeriod(config.period)}内启动确定财产处置参考价程序`,
  };
}

function reportDueOf(inputs: Inputs, method: PriceMethod | null): BasedDue | null {
  const requestedOn = asDate(inputs.values.priceRequestedOn);
  const period = method ? inputs.rules.reportPeriods[method] : undefined;
  if (!period || !requestedOn) return null;
  const label = inputs.headers.priceRequestedOn;
  const basis = `${period.source}：${method}，${label}起${describePeriod(period.period)}内出具报告`;
  const extension = approvedExtension(inputs, period);
  if (!extension) return { ...count(inputs, requestedOn, label, period), basis };
  const extended = `${basis}；经批准延长${extension.days}日（${extension.source}）`;
  const more = { kind: 'days' as const, n: extension.days };
  if (period.period.kind !== 'days') {
    // A period in months: the extension counts on from its last day.
    const base = countPeriod(inputs.calendar, { date: requestedOn, label }, period.period, { roll: false });
    const due = countPeriod(inputs.calendar, { date: base.dueOn, label: '原届满日' }, more, { roll: period.roll });
    return { ...due, steps: `${base.steps}；经批准延长：${due.steps}`, basis: extended };
  }
  const due = count(inputs, requestedOn, label, { ...period, period: { kind: 'days', n: period.period.n + extension.days } });
  return { ...due, steps: `${due.steps}（${describePeriod(period.period)}，经批准延长 ${extension.days} 日）`, basis: extended };
}

/** The extension the clerk recorded, at most the lawful one; problems for one over it or for a method without one. */
function approvedExtension(inputs: Inputs, period: ReportPeriod): { days: number; source: string } | null {
  const days = inputs.values.reportExtensionDays;
  if (typeof days !== 'number' || !period.extension) return null;
  return { days: Math.min(days, period.extension.maxDays), source: period.extension.source };
}

/** An extension over the lawful one is an error; one for a method without an extension is a warning. */
function checkExtension(inputs: Inputs, method: PriceMethod | null): Problem[] {
  const { values, headers, rules } = inputs;
  const days = values.reportExtensionDays;
  if (typeof days !== 'number' || !method) return [];
  const extension = rules.reportPeriods[method]?.extension;
  const header = headers.reportExtensionDays;
  if (!extension) {
    return [{ column: 'reportExtensionDays', level: 'warning', message: `${method}没有依法延长出具期限的规定，${header}未计入期限` }];
  }
  if (days <= extension.maxDays) return [];
  const message = `${header}为 ${days} 日，超过${method}依法可延长的 ${extension.maxDays} 日，按 ${extension.maxDays} 日计算（${extension.source}）`;
  return [{ column: 'reportExtensionDays', level: 'error', message }];
}

function objectionDueOf(inputs: Inputs): BasedDue | null {
  const servedOn = asDate(inputs.values.reportServedOn);
  if (!servedOn) return null;
  const config = inputs.rules.nodes.objection;
  return {
    ...count(inputs, servedOn, inputs.headers.reportServedOn, config),
    basis: `${SOURCES.objection}：当事人、利害关系人收到报告后${describePeriod(config.period)}内可提出书面异议（仅供提示）`,
  };
}

interface Hold {
  pending: boolean;
  /** The decision on an objection that held the sale. */
  decidedOn: CivilDate | null;
  problems: Problem[];
}

/** Whether an objection holds the sale: one filed in time holds it until it is decided; one the court may not accept does not. */
function objectionHold(inputs: Inputs, method: PriceMethod | null, objectable: boolean, objectionDue: BasedDue | null): Hold {
  const { values, headers } = inputs;
  const filedOn = asDate(values.objectionFiledOn);
  const decidedOn = asDate(values.objectionDecidedOn);
  const none = (problems: Problem[]): Hold => ({ pending: false, decidedOn: null, problems });
  if (!filedOn) {
    const message = `已填${headers.objectionDecidedOn}，${headers.objectionFiledOn}为空，请核对`;
    return none(decidedOn ? [{ column: 'objectionFiledOn', level: 'warning', message }] : []);
  }
  if (!method) return none([]);
  const unaffected = '，启动拍卖期限不因此延后';
  if (!objectable) {
    const message = `${method}不设异议期：对议价或者定向询价提出的异议，人民法院不予受理（${SOURCES.notAccepted}第二款）${unaffected}`;
    return none([{ column: 'objectionFiledOn', level: 'warning', message }]);
  }
  if (objectionDue && filedOn > objectionDue.dueOn) {
    const message =
      `${headers.objectionFiledOn}「${filedOn}」晚于异议期届满日「${objectionDue.dueOn}」：` +
      `逾期提出的异议，人民法院不予受理（${SOURCES.notAccepted}第一款）${unaffected}`;
    return none([{ column: 'objectionFiledOn', level: 'warning', message }]);
  }
  return { pending: !decidedOn, decidedOn, problems: [] };
}

/**
 * When the reference price was settled: a report's objection period has passed, or the objection
 * filed in it was decided, whichever is later (网络询价, 委托评估); or the result is the price the day
 * it is given (当事人议价, 定向询价), with no objection period.
 */
function priceSettled(
  inputs: Inputs,
  method: PriceMethod | null,
  hold: Hold,
  objectionDue: BasedDue | null,
  objectionEndedOn: CivilDate | null,
): { date: CivilDate; label: string; how: string } | null {
  const { values, headers, rules } = inputs;
  if (!method) return null;
  const settlement = rules.settlement[method];
  if (!settlement.objection) {
    const resultOn = asDate(values.priceReportOn);
    const how = `${method}结果即为参考价，无异议期（${settlement.source}），以${headers.priceReportOn}为参考价确定之日`;
    return resultOn ? { date: resultOn, label: headers.priceReportOn, how } : null;
  }
  if (hold.pending) return null;
  const decidedOn = hold.decidedOn;
  if (decidedOn && (!objectionDue || decidedOn > objectionDue.dueOn)) {
    const how = `${method}报告的异议经处理后确定参考价（${SOURCES.objectionDecided}）`;
    return { date: decidedOn, label: headers.objectionDecidedOn, how };
  }
  return objectionEndedOn ? { date: objectionEndedOn, label: '异议期届满日', how: `${method}报告送达后异议期届满` } : null;
}
