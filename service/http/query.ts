// Query parameters the routes share, refused with a Chinese message naming the parameter and value.

import type { Request } from 'express';
import { isCivilDate, type CivilDate } from '../domain/civil-date.ts';
import { HttpError } from './errors.ts';

export function queryDate(req: Request, name: string): CivilDate | undefined {
  const value = req.query[name];
  if (value === undefined || value === '') return undefined;
  if (!isCivilDate(value))
    throw new HttpError(400, 'bad_date', `参数 ${name}「${String(value).slice(0, 40)}」不是有效日期，应为 YYYY-MM-DD`);
  return value;
}
