// The bureau's rules configuration: warning windows and every ledger's periods and tables, with
// the defaults from SPEC. GET /api/rules shows it; PUT /api/rules replaces it after validation.

import { z } from 'zod';
import { columnsOf, type Condition } from './conditions.ts';
import type { WarnDefaults } from './ledger.ts';
import { LEDGERS } from './ledgers/index.ts';
import { warnDefaultsSchema } from './rules-schema.ts';
import { readAs } from './row.ts';

export interface RulesConfig {
  warnDefaults: WarnDefaults;
  ledgers: Record<string, unknown>;
}

export function defaultRules(): RulesConfig {
  return structuredClone({
    warnDefaults: { sameDay: 0, short: 3, shortPeriodDays: 30, long: 7 },
    ledgers: Object.fromEntries(LEDGERS.map((ledger) => [ledger.id, ledger.defaultRules])),
  });
}

const rulesSchema = z
  .object({
    warnDefaults: warnDefaultsSchema,
    ledgers: z.object(Object.fromEntries(LEDGERS.map((ledger) => [ledger.id, ledger.rulesSchema]))).strict(),
  })
  .strict();

/**
 * A rules file saved by an earlier version lacks the settings added since: each missing key takes
 * its default, at any depth of plain objects, while every value the admin saved (null included,
 * which switches a check off) is kept. Lists are values: a saved list is never merged with the default one.
 */
export function withNewDefaults(saved: unknown, defaults: unknown): unknown {
  if (!isPlainObject(saved) || !isPlainObject(defaults)) return saved === undefined ? defaults : saved;
  const filled: Record<string, unknown> = { ...saved };
  for (const [key, value] of Object.entries(defaults)) filled[key] = key in saved ? withNewDefaults(saved[key], value) : value;
  return filled;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema of the whole configuration, for the admin's form (generated from it). */
export const RULES_SCHEMA = rulesSchema;

/** A refusal names the setting by its path (for the form to name it in words) and says what is wrong. */
export type RulesValidation =
  { ok: true; value: RulesConfig } | { ok: false; message: string; path: Array<string | number>; reason: string };

export function validateRules(input: unknown): RulesValidation {
  const parsed = rulesSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.map(String).join('.') || '（根）';
    const reason = describeIssue(issue);
    return {
      ok: false,
      message: `规则配置有误：${path} —— ${reason}`,
      path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
      reason,
    };
  }
  for (const ledger of LEDGERS) {
    // A condition may read a case number's case type as it reads a column.
    const known = new Set(ledger.columns.flatMap(readAs));
    const ledgerRules = parsed.data.ledgers[ledger.id] as { triage?: { rules: Array<{ id: string; when: Condition }> } };
    for (const rule of ledgerRules.triage?.rules ?? []) {
      const unknown = columnsOf(rule.when).find((column) => !known.has(column));
      if (unknown) {
        const reason = `${ledger.name}分流规则${rule.id}引用了不存在的列「${unknown}」`;
        return { ok: false, message: `规则配置有误：${reason}`, path: ['ledgers', ledger.id, 'triage'], reason };
      }
    }
  }
  return { ok: true, value: parsed.data as RulesConfig };
}

const EXPECTED_WORDS: Record<string, string> = {
  number: '数字',
  int: '整数',
  boolean: '是或否',
  string: '文字',
  object: '一组设置',
  array: '列表',
};

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return EXPECTED_WORDS[issue.expected] ? `应为${EXPECTED_WORDS[issue.expected]}` : `类型应为 ${issue.expected}`;
    case 'too_small':
      return issue.inclusive === false ? `应大于 ${String(issue.minimum)}` : `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      return issue.inclusive === false ? `应小于 ${String(issue.maximum)}` : `不能大于 ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `含有未知项 ${issue.keys.join('、')}`;
    case 'invalid_union':
      return '取值不符合任何允许的形式';
    case 'invalid_value':
      return `取值应为 ${issue.values.map(String).join('、')} 之一`;
    default:
      return issue.message;
  }
}
