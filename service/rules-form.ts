// The rules configuration as a form, generated from the rules schema: every setting whose schema
// carries a title (`.meta({ title })`, in each ledger's rules.ts) or whose key is a Chinese word
// (a team, a measure, 个人 / 单位) is a field; the fields of one object make one item, shown with
// its source and saved or reset to its default on its own. Node settings are named after the
// ledger's node. A problem the schema finds is said with the item's and the field's names.

import { z } from 'zod';
import { LEDGERS } from './domain/ledgers/index.ts';
import type { AnyLedger } from './domain/ledger.ts';
import type { RulesConfig } from './domain/rules.ts';

export type FieldKind = 'period' | 'closeLimit' | 'integer' | 'number' | 'boolean' | 'text' | 'choice' | 'choices';

export interface RuleField {
  /** Path below the item, joined by '.'. */
  key: string;
  label: string;
  kind: FieldKind;
  /** May be left empty (the default window, no lower bound …). */
  optional: boolean;
  min?: number;
  max?: number;
  /** The words of a choice. */
  options?: string[];
  value: unknown;
}

export interface RuleItem {
  /** Path in the rules configuration, joined by '.': ledgers.payments.nodes.disburse. */
  id: string;
  /** The ledger's id, or '' for the settings of every ledger. */
  ledger: string;
  ledgerName: string;
  label: string;
  /** Where the limit comes from, as every basis cites it. */
  source: string | null;
  /** The item may be switched off as a whole (null in the configuration). */
  nullable: boolean;
  enabled: boolean;
  fields: RuleField[];
  isDefault: boolean;
}

type Schema = z.core.$ZodType;
type Path = Array<string | number>;

interface Walk {
  ledger: AnyLedger | null;
  current: unknown;
  defaults: unknown;
  items: RuleItem[];
}

/** Every item of the configuration `current`, with `defaults` to tell what differs. */
export function rulesForm(rulesSchema: Schema, current: RulesConfig, defaults: RulesConfig): RuleItem[] {
  const walk: Walk = { ledger: null, current, defaults, items: [] };
  const shape = objectShape(rulesSchema);
  visitObject(walk, shape.warnDefaults, ['warnDefaults'], '临期提醒（未单独设置的节点）', null);
  const ledgers = objectShape(shape.ledgers);
  for (const ledger of LEDGERS) {
    visitObject({ ...walk, ledger }, ledgers[ledger.id], ['ledgers', ledger.id], '基本设置', null);
  }
  return walk.items;
}

/** An object's titled leaves make one item; its object children make items of their own. */
function visitObject(walk: Walk, schema: Schema, path: Path, label: string, inheritedSource: string | null): void {
  const inner = unwrap(schema);
  const value = at(walk.current, path) ?? at(walk.defaults, path);
  const ownSource = typeof (value as { source?: unknown } | null)?.source === 'string' ? (value as { source: string }).source : null;
  const source = ownSource ?? inheritedSource;
  if (def(inner).type === 'record') return visitRecord(walk, inner, path, label, source);
  if (def(inner).type === 'array') return visitArray(walk, inner, path, label, source);
  if (def(inner).type !== 'object') return;
  const fields: RuleField[] = [];
  const below: Array<() => void> = [];
  for (const [key, child] of Object.entries(objectShape(inner))) {
    const childPath = [...path, key];
    const childLabel = titleOf(child) ?? (isChinese(key) ? key : null);
    const node = nodeOf(walk.ledger, path, key);
    if (node) {
      below.push(() => visitObject(walk, child, childPath, node.name, node.source));
    } else if (isObjectLike(child)) {
      // A ledger's nodes are named by its node definitions, each one an item of its own.
      if (key === 'nodes' && path.length === 2) below.push(() => visitObject(walk, child, childPath, label, source));
      else if (childLabel)
        below.push(() => visitObject(walk, child, childPath, path.length === 2 ? childLabel : `${label} · ${childLabel}`, source));
    } else if (childLabel) {
      const kind = kindOf(child);
      if (kind) fields.push(field(walk, child, childPath, key, childLabel, kind));
    }
  }
  // The object's own settings come before those of the objects within it.
  if (fields.length > 0) walk.items.push(item(walk, schema, path, label, source, fields));
  for (const visit of below) visit();
}

/** A record of objects (measures' terms …) makes one item per entry; a record of leaves (teamDefaults) one item. */
function visitRecord(walk: Walk, schema: Schema, path: Path, label: string, source: string | null): void {
  const valueSchema = def(schema).valueType as Schema;
  const keys = new Set([...Object.keys(objectAt(walk.current, path)), ...Object.keys(objectAt(walk.defaults, path))]);
  if (isObjectLike(valueSchema)) {
    for (const key of keys) visitObject(walk, valueSchema, [...path, key], `${label} · ${key}`, source);
    return;
  }
  const kind = kindOf(valueSchema);
  if (!kind) return;
  const fields = [...keys].map((key) => field(walk, valueSchema, [...path, key], key, key, kind));
  if (fields.length > 0) walk.items.push(item(walk, schema, path, label, source, fields));
}

/** A list of objects (the triage table): one item per entry, named by its `label`. */
function visitArray(walk: Walk, schema: Schema, path: Path, label: string, source: string | null): void {
  const element = def(schema).element as Schema;
  const list = at(walk.current, path);
  if (!Array.isArray(list) || !isObjectLike(element)) return;
  list.forEach((entry: { label?: unknown; team?: unknown }, index) => {
    const name = [entry?.label, entry?.team].filter((part) => typeof part === 'string').join(' → ');
    visitObject(walk, element, [...path, index], `${label} · ${name || index + 1}`, source);
  });
}

function field(walk: Walk, schema: Schema, path: Path, key: string, label: string, kind: FieldKind): RuleField {
  const inner = unwrap(schema);
  const bounds = inner as { minValue?: number | null; maxValue?: number | null };
  const options = enumOptions(def(inner).type === 'array' ? (def(inner).element as Schema) : inner);
  return {
    key,
    label,
    kind,
    optional: def(schema).type === 'optional',
    ...(typeof bounds.minValue === 'number' && Number.isFinite(bounds.minValue) ? { min: bounds.minValue } : {}),
    ...(typeof bounds.maxValue === 'number' && Number.isFinite(bounds.maxValue) ? { max: bounds.maxValue } : {}),
    ...(options ? { options } : {}),
    // A setting switched off as a whole (null) shows its defaults, ready to be switched on.
    value: (at(walk.current, path.slice(0, -1)) === null ? at(walk.defaults, path) : at(walk.current, path)) ?? null,
  };
}

function item(walk: Walk, schema: Schema, path: Path, label: string, source: string | null, fields: RuleField[]): RuleItem {
  const current = at(walk.current, path);
  const fieldsOfDefault = fields.map((each) => at(walk.defaults, [...path, ...each.key.split('.')]));
  return {
    id: path.join('.'),
    ledger: walk.ledger?.id ?? '',
    ledgerName: walk.ledger?.name ?? '全部台账',
    label,
    source,
    nullable: def(schema).type === 'nullable',
    enabled: current !== null,
    fields,
    isDefault: fields.every((each, index) => JSON.stringify(each.value ?? null) === JSON.stringify(fieldsOfDefault[index] ?? null)),
  };
}

function kindOf(schema: Schema): FieldKind | null {
  const inner = unwrap(schema);
  const type = def(inner).type;
  if (type === 'number') return (inner as { isInt?: boolean }).isInt ? 'integer' : 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'string') return 'text';
  if (type === 'enum') return 'choice';
  if (type === 'array' && enumOptions(def(inner).element as Schema)) return 'choices';
  if (type === 'union') return unionKind(inner);
  return null;
}

/** A period is a union told apart by `kind`, a close limit one told apart by `from`. */
function unionKind(schema: Schema): FieldKind | null {
  const options = def(schema).options as Schema[];
  const tags = options.map((option) => (def(option).type === 'object' ? Object.keys(objectShape(option))[0] : null));
  if (tags.every((tag) => tag === 'kind')) return 'period';
  if (tags.every((tag) => tag === 'from')) return 'closeLimit';
  return null;
}

function isObjectLike(schema: Schema): boolean {
  const type = def(unwrap(schema)).type;
  return type === 'object' || type === 'record' || (type === 'array' && def(def(unwrap(schema)).element as Schema).type === 'object');
}

function nodeOf(ledger: AnyLedger | null, path: Path, key: string) {
  if (!ledger || path.length !== 3 || path[2] !== 'nodes') return undefined;
  return ledger.nodes.find((node) => node.id === key);
}

function enumOptions(schema: Schema): string[] | null {
  const entries = def(schema).entries as Record<string, string> | undefined;
  return def(schema).type === 'enum' && entries ? Object.values(entries) : null;
}

function titleOf(schema: Schema): string | null {
  for (let current: Schema | undefined = schema; current; current = def(current).innerType as Schema | undefined) {
    const title = z.globalRegistry.get(current as z.ZodType)?.title;
    if (typeof title === 'string') return title;
  }
  return null;
}

function unwrap(schema: Schema): Schema {
  let current = schema;
  while (['optional', 'nullable', 'default'].includes(def(current).type)) current = def(current).innerType as Schema;
  return current;
}

function def(schema: Schema): Record<string, unknown> & { type: string } {
  return schema._zod.def as unknown as Record<string, unknown> & { type: string };
}

function objectShape(schema: Schema): Record<string, Schema> {
  return def(unwrap(schema)).shape as Record<string, Schema>;
}

function isChinese(key: string): boolean {
  return /[\u4e00-\u9fff]/.test(key);
}

export function at(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function objectAt(value: unknown, path: Path): Record<string, unknown> {
  const found = at(value, path);
  return typeof found === 'object' && found !== null ? (found as Record<string, unknown>) : {};
}
