// The case page: every ledger's rows of one case, each row's nodes as a timeline (due, done, state,
// basis and the counting steps), reached from a case number on the 看板 or the 案号 search box.

import type { CaseLedger, CaseNode, CaseRow, CaseView } from '../../client/contract.ts';
import { element } from '../admin/elements.ts';
import { byId } from '../dom.ts';
import { daysText } from './alerts.ts';

export function renderCase(view: CaseView): void {
  byId('case-title').textContent = view.caseNo;
  const owner = [view.team && `承办团队：${view.team}`, view.handler && `承办人：${view.handler}`].filter(Boolean).join('　');
  const open = view.ledgers.flatMap((ledger) => ledger.rows.flatMap((row) => row.nodes)).filter((node) => !node.informational);
  const count = (state: string) => open.filter((node) => node.state === state).length;
  byId('case-owner').textContent =
    `${owner}${owner ? '　' : ''}截至 ${view.asOf}，${view.ledgers.length} 本台账有该案记录，` +
    `超期节点 ${count('超期')} 个、临期节点 ${count('临期')} 个`;
  byId('case-ledgers').replaceChildren(...view.ledgers.map(ledgerBlock));
}

export function clearCase(): void {
  for (const id of ['case-title', 'case-owner', 'case-ledgers']) byId(id).replaceChildren();
}

function ledgerBlock(ledger: CaseLedger): HTMLElement {
  return element('section', { class: 'case-ledger', 'data-ledger': ledger.ledgerId }, [
    element('h4', {}, `${ledger.ledger}（${ledger.rows.length} 条）`),
    ...ledger.rows.map(rowBlock),
  ]);
}

function rowBlock(row: CaseRow): HTMLElement {
  const fields = row.fields.map((field) =>
    element('span', { class: 'case-field' }, [element('span', { class: 'case-field-name' }, `${field.header}：`), field.value]),
  );
  const alert = row.alert ? [element('span', { class: `state alert-${row.alert}` }, row.alert)] : [];
  const nodes =
    row.nodes.length === 0
      ? [element('p', { class: 'hint' }, '本行没有期限节点。')]
      : [element('ol', { class: 'timeline' }, row.nodes.map(nodeItem))];
  return element('div', { class: 'case-row' }, [element('div', { class: 'case-fields' }, [...alert, ...fields]), ...nodes]);
}

function nodeItem(node: CaseNode): HTMLElement {
  const done = node.doneOn ? `完成 ${node.doneOn}` : node.daysLeft === null ? '' : daysText(node.daysLeft);
  return element('li', { class: 'timeline-node', 'data-state': node.state }, [
    element('div', { class: 'node-head' }, [
      element('span', { class: 'node-name' }, node.informational ? `${node.name}（提示）` : node.name),
      element('span', { class: `state node-state-${node.state}` }, node.state),
    ]),
    element('div', { class: 'node-dates' }, [`期限 ${node.dueOn}`, element('br'), done]),
    element('div', { class: 'node-basis' }, node.basis),
    element('div', { class: 'node-steps' }, node.steps),
  ]);
}
