// One item of the rules form saved or reset to its default: the change is applied to a copy of the
// configuration, which the rules schema then checks as a whole; a refusal names the item and the
// field in words (案款台账「发放」的「期限」：应大于 0), never by the configuration's keys.

import { defaultRules, RULES_SCHEMA, validateRules, type RulesConfig } from './domain/rules.ts';
import { at, rulesForm, type RuleItem } from './rules-form.ts';

export class RuleEditError extends Error {
  constructor(
    readonly kind: 'invalid' | 'unknown',
    message: string,
  ) {
    super(message);
  }
}

export interface RuleChange {
  /** For an item that may be switched off: whether it applies. */
  enabled?: boolean;
  /** New values by field key; null or '' leaves an optional field empty. */
  fields?: Record<string, unknown>;
}

export interface EditedRules {
  rules: RulesConfig;
  item: RuleItem;
  /** The item's values before and after, for the audit log. */
  before: unknown;
  after: unknown;
}

export function formOf(rules: RulesConfig): RuleItem[] {
  return rulesForm(RULES_SCHEMA, rules, defaultRules());
}

function findItem(rules: RulesConfig, id: string): RuleItem {
  const found = formOf(rules).find((item) => item.id === id);
  if (!found) throw new RuleEditError('unknown', `没有这一项规则设置（${id.slice(0, 80)}）`);
  return found;
}

/** The configuration with one item changed, checked by the schema. */
export function editRules(rules: RulesConfig, id: string, change: RuleChange): EditedRules {
  const item = findItem(rules, id);
  const next = structuredClone(rules) as unknown as Record<string, unknown>;
  const path = id.split('.');
  if (item.nullable && change.enabled === false) {
    setAt(next, path, null);
  } else {
    if (at(next, path) === null) setAt(next, path, structuredClone(at(defaultRules(), path) ?? {}));
    for (const [key, value] of Object.entries(change.fields ?? {})) {
      const field = item.fields.find((each) => each.key === key);
      if (!field) throw new RuleEditError('invalid', `「${item.label}」没有名为「${key.slice(0, 40)}」的设置`);
      const empty = value === null || value === '' || value === undefined;
      if (empty && !field.optional) throw new RuleEditError('invalid', `${item.ledgerName}「${item.label}」的「${field.label}」不能为空`);
      setAt(next, [...path, key], empty ? undefined : value);
    }
  }
  return checked(next, rules, item);
}

/** The configuration with one item back at its defaults (only its own fields, not the items below it). */
export function resetRule(rules: RulesConfig, id: string): EditedRules {
  const item = findItem(rules, id);
  const defaults = defaultRules();
  const next = structuredClone(rules) as unknown as Record<string, unknown>;
  const path = id.split('.');
  const defaultValue = at(defaults, path);
  if (defaultValue === undefined) throw new RuleEditError('unknown', `「${item.label}」没有默认值`);
  if (item.nullable || defaultValue === null || at(next, path) === null) {
    setAt(next, path, structuredClone(defaultValue));
  } else {
    for (const field of item.fields) setAt(next, [...path, field.key], structuredClone(at(defaults, [...path, field.key])));
  }
  return checked(next, rules, item);
}

function checked(next: unknown, before: RulesConfig, item: RuleItem): EditedRules {
  const result = validateRules(next);
  if (!result.ok) throw new RuleEditError('invalid', describeProblem(formOf(before), result.path, result.reason));
  const after = findItem(result.value, item.id);
  return { rules: result.value, item: after, before: valuesOf(item), after: valuesOf(after) };
}

function valuesOf(item: RuleItem): unknown {
  if (item.nullable && !item.enabled) return null;
  return Object.fromEntries(item.fields.map((field) => [field.key, field.value]));
}

/** 案款台账「账龄」的「提醒起始日」：不能小于 1 — the item whose path is the longest beginning of the problem's. */
export function describeProblem(items: RuleItem[], path: Array<string | number>, reason: string): string {
  const joined = path.map(String);
  let best: RuleItem | undefined;
  for (const item of items) {
    const own = item.id.split('.');
    if (own.every((key, index) => joined[index] === key) && (!best || own.length > best.id.split('.').length)) best = item;
  }
  if (!best) return `规则设置有误：${reason}`;
  const rest = joined.slice(best.id.split('.').length);
  const field = best.fields.find((each) => each.key === rest[0]);
  return `${best.ledgerName}「${best.label}」${field ? `的「${field.label}」` : ''}：${reason}`;
}

function setAt(root: Record<string, unknown>, path: string[], value: unknown): void {
  let current: Record<string, unknown> = root;
  for (const key of path.slice(0, -1)) {
    const next = current[key];
    if (typeof next !== 'object' || next === null) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete current[last];
  else current[last] = value;
}
