// Query parameters the routes share, refused with a Chinese message naming the parameter and value.

import type { Request, RequestHandler } from 'express';
import { isCivilDate, type CivilDate } from '../domain/civil-date.ts';
import { HttpError } from './errors.ts';

export function queryDate(req: Request, name: string): CivilDate | undefined {
  const value = req.query[name];
  if (value === undefined || value === '') return undefined;
  if (!isCivilDate(value))
    throw new HttpError(400, 'bad_date', `参数 ${name}「${String(value).slice(0, 40)}」不是有效日期，应为 YYYY-MM-DD`);
  return value;
}

/** A parameter that takes one of a few words; absent or empty gives undefined. */
export function queryChoice<T extends string>(req: Request, name: string, choices: readonly T[]): T | undefined {
  const value = req.query[name];
  if (value === undefined || value === '') return undefined;
  if (!choices.includes(value as T))
    throw new HttpError(400, `bad_${name}`, `参数 ${name}「${String(value).slice(0, 40)}」无效，应为 ${choices.join(' 或 ')}`);
  return value as T;
}

/**
 * A parameter given twice (?team=A&team=B) arrives as a list, which no route reads: a route would
 * drop the filter without a word. Every API request with one is refused, naming it.
 */
export const singleQueryValues: RequestHandler = (req, _res, next) => {
  const repeated = Object.entries(req.query).find(([, value]) => Array.isArray(value));
  if (repeated)
    throw new HttpError(
      400,
      'repeated_parameter',
      `参数 ${repeated[0].slice(0, 40)} 重复出现了 ${(repeated[1] as unknown[]).length} 次，只能给一次`,
    );
  next();
};
