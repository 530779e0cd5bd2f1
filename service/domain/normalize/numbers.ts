// Amounts in yuan (rounded to the fen) and whole numbers such as a count of days.

import type { Normalized, RawValue } from '../problem.ts';
import { accepted, blank, isBlank, rejected } from './outcome.ts';
import { foldWidth } from './text.ts';

/** ¥ / 人民币 before, 万 or 亿 and 元 after, a minus sign anywhere in front. */
const AMOUNT = /^(?<minus>-?)\s*(?:¥|人民币)?\s*(?<minusAfterSign>-?)\s*(?<number>.*?)\s*(?<unit>[万亿]?)\s*元?$/;
const PLAIN_NUMBER = /^(?<whole>\d+|\d{1,3}(?:,\d{3})+)(?:\.(?<fraction>\d+))?$/;
const UNIT_DIGITS: Record<string, number> = { '': 0, 万: 4, 亿: 8 };
const AMOUNT_EXAMPLE = '请填写如 50000、50,000.00、5万 或 5.2万元 的金额';

export function normalizeAmount(raw: RawValue, header: string): Normalized<number> {
  if (isBlank(raw)) return blank();
  if (typeof raw === 'boolean') return rejected(header, raw, `是逻辑值，不是金额，${AMOUNT_EXAMPLE}`);
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return rejected(header, raw, `不是有效的金额，${AMOUNT_EXAMPLE}`);
    if (raw < 0) return rejected(header, raw, '不能为负数');
    return accepted(Math.round(raw * 100) / 100);
  }
  const parts = AMOUNT.exec(foldWidth(raw))?.groups;
  const number = parts && PLAIN_NUMBER.exec(parts.number)?.groups;
  if (!parts || !number) return rejected(header, raw, amountMisreadReason(parts?.number ?? ''));
  const cents = toCents(number.whole.replaceAll(',', ''), number.fraction ?? '', UNIT_DIGITS[parts.unit]);
  if (cents > 0 && (parts.minus || parts.minusAfterSign)) return rejected(header, raw, '不能为负数');
  return accepted(cents / 100);
}

function amountMisreadReason(number: string): string {
  if (/\d\s*[万千百亿]\s*\d/.test(number)) return '混用了多个单位，请写成一个数，如 53000 或 5.3万';
  if (/^[\d,]+(\.\d+)?$/.test(number)) return '的千分位逗号位置不对，请每三位一个逗号，如 50,000';
  return `不是可识别的金额，${AMOUNT_EXAMPLE}`;
}

/** Exact decimal arithmetic on the digits, so 5.2万 is 52000 and 0.125 rounds half up to 0.13. */
function toCents(whole: string, fraction: string, shift: number): number {
  const digits = BigInt(whole + fraction);
  const scale = fraction.length - shift - 2;
  if (scale <= 0) return Number(digits * 10n ** BigInt(-scale));
  const divisor = 10n ** BigInt(scale);
  return Number((digits + divisor / 2n) / divisor);
}

/** An amount in yuan as messages show it: 100,000 or 2,500.5. */
export function formatYuan(amount: number): string {
  return amount.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export interface IntegerBounds {
  min?: number;
  max?: number;
}

const WRITTEN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** A whole number, optionally followed by 天 or 日 (a count of days). */
export function normalizeInteger(raw: RawValue, header: string, bounds: IntegerBounds = {}): Normalized<number> {
  if (isBlank(raw)) return blank();
  if (typeof raw === 'boolean') return rejected(header, raw, '是逻辑值，不是整数');
  const value = typeof raw === 'number' ? raw : readNumber(foldWidth(raw).replace(/\s*[天日]$/, ''));
  if (Number.isNaN(value)) return rejected(header, raw, '不是可识别的整数，请填写如 15 的整数');
  if (!Number.isInteger(value)) return rejected(header, raw, '应为整数');
  if (!Number.isSafeInteger(value)) return rejected(header, raw, '数值过大，请核对');
  const { min, max } = bounds;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    return rejected(header, raw, boundsReason(min, max));
  }
  return accepted(value);
}

function readNumber(text: string): number {
  return WRITTEN_NUMBER.test(text) ? Number(text) : NaN;
}

function boundsReason(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `应在 ${min} 至 ${max} 之间`;
  return min !== undefined ? `不能小于 ${min}` : `不能大于 ${max}`;
}
