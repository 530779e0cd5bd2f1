// Rest days and working days of the Chinese statutory calendar (weekends, holidays, 调休上班).

import { addDays, weekday, type CivilDate } from './civil-date.ts';

export interface HolidayData {
  /** Statutory holiday date → holiday name, e.g. '国庆节'. */
  holidays: Record<CivilDate, string>;
  /** Make-up workday (调休上班) on a weekend → name of the holiday it belongs to. */
  workdays: Record<CivilDate, string>;
  /** Years the data covers; other years know weekends only. */
  years: number[];
}

const WEEKEND_NAMES: Record<number, string> = { 0: '星期日', 6: '星期六' };

export class Calendar {
  readonly #holidays: Map<CivilDate, string>;
  readonly #workdays: Set<CivilDate>;
  readonly #years: Set<number>;

  constructor(data: HolidayData) {
    this.#holidays = new Map(Object.entries(data.holidays));
    this.#workdays = new Set(Object.keys(data.workdays));
    this.#years = new Set(data.years);
  }

  /** The data it was made from, e.g. to make the same calendar in a worker thread. */
  data(): HolidayData {
    return {
      holidays: Object.fromEntries(this.#holidays),
      workdays: Object.fromEntries([...this.#workdays].map((date) => [date, ''])),
      years: [...this.#years],
    };
  }

  isRestDay(date: CivilDate): boolean {
    return this.restDayReason(date) !== null;
  }

  /** Why `date` is a rest day, in words for the counting steps; null when it is a working day. */
  restDayReason(date: CivilDate): string | null {
    const holiday = this.#holidays.get(date);
    if (holiday !== undefined) return `法定休假日（${holiday}）`;
    if (this.#workdays.has(date)) return null;
    return WEEKEND_NAMES[weekday(date)] ?? null;
  }

  hasDataFor(year: number): boolean {
    return this.#years.has(year);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: CivilDate): CivilDate {
    let next = addDays(date, 1);
    while (this.isRestDay(next)) next = addDays(next, 1);
    return next;
  }
}
