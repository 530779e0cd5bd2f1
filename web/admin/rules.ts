// 管理 · 规则: every item of the rules form the service generates from its schema, by ledger — each
// with its source, its fields, 保存 and 恢复默认. The service checks a saved item against the schema
// and answers what is wrong in words; the page shows that beside the item.

import { fetchRulesForm, resetRuleItem, saveRuleItem } from '../../client/api.ts';
import type { RuleField, RuleItem } from '../../client/contract.ts';
import { byId, messageOf, say } from '../dom.ts';
import { connection } from '../session.ts';
import { button, element, status } from './elements.ts';

const PERIOD_KINDS: Array<[string, string]> = [
  ['sameDay', '当日'],
  ['days', '日'],
  ['workdays', '个工作日'],
  ['months', '个月'],
  ['years', '年'],
];

export function renderRules(panel: HTMLElement): void {
  panel.append(
    element('h3', {}, '规则配置'),
    element(
      'p',
      { class: 'hint' },
      '各台账的期限、阈值和临期提醒天数，每项注明依据。修改后点该项的「保存」；「恢复默认」恢复为本软件的默认值。',
    ),
    status('rules-status'),
    element('div', { id: 'rule-list' }),
  );
}

export async function loadRules(): Promise<void> {
  try {
    const items = await fetchRulesForm(connection());
    const byLedger = new Map<string, RuleItem[]>();
    for (const item of items) byLedger.set(item.ledgerName, [...(byLedger.get(item.ledgerName) ?? []), item]);
    const groups = [...byLedger].map(([name, entries], index) =>
      element('details', index === 0 ? { open: '' } : {}, [element('summary', {}, name), ...entries.map(itemBlock)]),
    );
    byId('rule-list').replaceChildren(...groups);
    say('rules-status', '');
  } catch (error) {
    say('rules-status', messageOf(error), 'error');
  }
}

/** One item: its name, source, fields and buttons; `read` gives back what the admin entered. */
function itemBlock(item: RuleItem): HTMLElement {
  const editors = item.fields.map((field) => editor(field));
  const enabled = element('input', { type: 'checkbox', class: 'rule-enabled' });
  enabled.checked = item.enabled;
  const message = element('span', { class: 'rule-status', role: 'status' });
  const block = element('div', { class: 'rule-item', 'data-rule': item.id }, [
    element('div', { class: 'rule-title' }, [item.label, item.isDefault ? '' : element('span', { class: 'changed' }, '（已修改）')]),
    item.source && !item.fields.some((field) => field.key === 'source') ? element('div', { class: 'hint' }, `依据：${item.source}`) : '',
    item.nullable ? element('label', { class: 'choice' }, [enabled, '适用此项']) : '',
    ...editors.map((each) => each.row),
    element('div', {}, [
      button('保存', () => void save(item, block, message, { enabled: enabled.checked, editors }), { class: 'rule-save' }),
      button('恢复默认', () => void reset(item, block, message), { class: 'rule-reset' }),
      message,
    ]),
  ]);
  return block;
}

interface Editor {
  field: RuleField;
  row: HTMLElement;
  read(): unknown;
}

function editor(field: RuleField): Editor {
  const parts = inputsFor(field);
  return {
    field,
    row: element('div', { class: 'rule-field', 'data-field': field.key }, [element('label', {}, field.label), ...parts.nodes]),
    read: parts.read,
  };
}

function inputsFor(field: RuleField): { nodes: HTMLElement[]; read(): unknown } {
  if (field.kind === 'period' || field.kind === 'closeLimit') return periodInputs(field);
  if (field.kind === 'boolean') {
    const box = element('input', { type: 'checkbox' });
    box.checked = field.value === true;
    return { nodes: [box], read: () => box.checked };
  }
  if (field.kind === 'choice' || field.kind === 'choices') return choiceInputs(field);
  if (field.kind === 'text') {
    const text = element('input', { type: 'text', class: 'wide', value: String(field.value ?? '') });
    return { nodes: [text], read: () => text.value };
  }
  const bounds: Record<string, string> = { type: 'number', value: field.value === null ? '' : String(field.value) };
  if (field.min !== undefined) bounds.min = String(field.min);
  if (field.max !== undefined) bounds.max = String(field.max);
  if (field.kind === 'number') bounds.step = 'any';
  const number = element('input', bounds);
  // An empty or unreadable number goes as it is: the service says what is wrong with it.
  return { nodes: [number], read: () => (number.value.trim() === '' ? null : Number(number.value)) };
}

/** A period (当日, N 日 …); a close limit may also be 按法定期限, and carries its own 顺延. */
function periodInputs(field: RuleField): { nodes: HTMLElement[]; read(): unknown } {
  const value = (field.value ?? {}) as { kind?: string; n?: number; from?: string; period?: { kind: string; n?: number }; roll?: boolean };
  const period = field.kind === 'closeLimit' ? value.period : value;
  const kinds = field.kind === 'closeLimit' ? [['statutory', '按法定期限'] as [string, string], ...PERIOD_KINDS] : PERIOD_KINDS;
  const kind = element(
    'select',
    { class: 'period-kind' },
    kinds.map(([id, label]) => new Option(label, id)),
  );
  kind.value = field.kind === 'closeLimit' && value.from === 'statutory' ? 'statutory' : (period?.kind ?? 'days');
  const n = element('input', { type: 'number', class: 'period-n', min: '1', value: period?.n === undefined ? '' : String(period.n) });
  const roll = element('input', { type: 'checkbox', class: 'period-roll' });
  roll.checked = value.roll !== false;
  const showN = () => {
    n.hidden = kind.value === 'sameDay' || kind.value === 'statutory';
  };
  kind.addEventListener('change', showN);
  showN();
  const readPeriod = () =>
    kind.value === 'sameDay' ? { kind: 'sameDay' } : { kind: kind.value, n: n.value.trim() === '' ? null : Number(n.value) };
  if (field.kind === 'period') return { nodes: [n, kind], read: readPeriod };
  const rollLabel = element('label', { class: 'choice' }, [roll, '顺延']);
  return {
    nodes: [n, kind, rollLabel],
    read: () => (kind.value === 'statutory' ? { from: 'statutory' } : { from: 'triage', period: readPeriod(), roll: roll.checked }),
  };
}

function choiceInputs(field: RuleField): { nodes: HTMLElement[]; read(): unknown } {
  const options = field.options ?? [];
  if (field.kind === 'choice') {
    const select = element(
      'select',
      {},
      options.map((option) => new Option(option, option)),
    );
    select.value = String(field.value ?? '');
    return { nodes: [select], read: () => select.value };
  }
  const chosen = new Set(Array.isArray(field.value) ? (field.value as string[]) : []);
  const boxes = options.map((option) => {
    const box = element('input', { type: 'checkbox', value: option });
    box.checked = chosen.has(option);
    return box;
  });
  const nodes = boxes.map((box) => element('label', { class: 'choice' }, [box, box.value]));
  return { nodes, read: () => boxes.filter((box) => box.checked).map((box) => box.value) };
}

async function save(item: RuleItem, block: HTMLElement, message: HTMLElement, entered: { enabled: boolean; editors: Editor[] }) {
  const fields = Object.fromEntries(entered.editors.map((each) => [each.field.key, each.read()]));
  await answer(
    block,
    message,
    () => saveRuleItem(connection(), item.id, item.nullable ? { enabled: entered.enabled, fields } : { fields }),
    '已保存',
  );
}

async function reset(item: RuleItem, block: HTMLElement, message: HTMLElement) {
  await answer(block, message, () => resetRuleItem(connection(), item.id), '已恢复默认');
}

/** Shows the item as the service now has it, or the service's refusal beside it. */
async function answer(block: HTMLElement, message: HTMLElement, work: () => Promise<RuleItem>, done: string): Promise<void> {
  message.textContent = '正在保存…';
  message.className = 'rule-status';
  try {
    const fresh = itemBlock(await work());
    block.replaceWith(fresh);
    const line = fresh.querySelector('.rule-status');
    if (line) {
      line.textContent = `${done}。`;
      line.className = 'rule-status ok';
    }
  } catch (error) {
    message.textContent = messageOf(error);
    message.className = 'rule-status error';
  }
}
