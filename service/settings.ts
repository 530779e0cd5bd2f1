// The rules configuration and the calendar in force, read at start and replaced by an admin.

import type { YearDays } from './calendar-entry.ts';
import { Calendar } from './domain/calendar.ts';
import { yearOf } from './domain/civil-date.ts';
import { defaultRules, validateRules, withNewDefaults, type RulesConfig } from './domain/rules.ts';
import { mergeHolidayData, packageHolidayData, validateCalendarOverride, type CalendarOverride } from './calendar-source.ts';
import type { AuditEntry, DocumentStore } from './store/store.ts';
import type { Settings } from './ledger-service.ts';
import type { User } from './users.ts';

export class SettingsHolder {
  private current: Settings & { override: CalendarOverride };

  private constructor(
    private readonly documents: DocumentStore,
    rules: RulesConfig,
    override: CalendarOverride,
  ) {
    this.current = { rules, override, calendar: calendarWith(override) };
  }

  /** Reads rules.json and calendar.json; a ledger or a setting missing from rules.json (saved by an earlier version) gets its defaults. */
  static async load(documents: DocumentStore): Promise<SettingsHolder> {
    const defaults = defaultRules();
    const saved = await documents.read<Partial<RulesConfig>>('rules');
    const rules = saved ? validateRules(withNewDefaults(saved, defaults)) : { ok: true as const, value: defaults };
    if (!rules.ok) throw new Error(`${documents.where('rules')}：${rules.message}`);
    const override = validateCalendarOverride((await documents.read('calendar')) ?? { years: {} });
    if (!override.ok) throw new Error(`${documents.where('calendar')}：${override.message}`);
    return new SettingsHolder(documents, rules.value, override.value);
  }

  get = (): Settings => this.current;

  calendarInfo() {
    const { override } = this.current;
    return { years: packageHolidayData().years, overrideYears: Object.keys(override.years).map(Number), override };
  }

  /** Replaces the rules; `entry` narrows the audit line to the one item the admin changed. */
  async setRules(rules: RulesConfig, user: User, entry?: Pick<AuditEntry, 'action' | 'rowId' | 'before' | 'after'>): Promise<void> {
    await this.documents.write('rules', rules, { ...audit(user, 'rules', this.current.rules, rules), ...entry });
    this.current = { ...this.current, rules };
  }

  /** Every year with holiday data: the package's, and those the admin entered (which replace the package's). */
  calendarYears(): Array<{ year: number; source: 'package' | 'override'; holidays: number; workdays: number }> {
    const { override } = this.current;
    const data = mergeHolidayData(packageHolidayData(), override);
    return data.years.map((year) => {
      const inYear = (days: Record<string, string>) => Object.keys(days).filter((date) => yearOf(date) === year).length;
      const source = Object.hasOwn(override.years, String(year)) ? ('override' as const) : ('package' as const);
      return { year, source, holidays: inYear(data.holidays), workdays: inYear(data.workdays) };
    });
  }

  /** A year's holidays and workdays in force (none for a year without data). */
  yearDays(year: number): YearDays & { known: boolean } {
    const data = mergeHolidayData(packageHolidayData(), this.current.override);
    const inYear = (days: Record<string, string>) => Object.fromEntries(Object.entries(days).filter(([date]) => yearOf(date) === year));
    return { holidays: inYear(data.holidays), workdays: inYear(data.workdays), known: data.years.includes(year) };
  }

  /** Enters (or replaces) one year of the override, keeping the other years. Call inside the store's queue. */
  async setCalendarYear(year: number, days: YearDays, user: User): Promise<void> {
    const override: CalendarOverride = { years: { ...this.current.override.years, [String(year)]: days } };
    const before = this.current.override.years[String(year)] ?? null;
    await this.documents.write('calendar', override, { ...audit(user, 'calendar', before, days), action: `update-year-${year}` });
    this.current = { ...this.current, override, calendar: calendarWith(override) };
  }

  async setCalendar(override: CalendarOverride, user: User): Promise<void> {
    await this.documents.write('calendar', override, audit(user, 'calendar', this.current.override, override));
    this.current = { ...this.current, override, calendar: calendarWith(override) };
  }
}

function calendarWith(override: CalendarOverride): Calendar {
  return new Calendar(mergeHolidayData(packageHolidayData(), override));
}

function audit(user: User, ledger: string, before: unknown, after: unknown): AuditEntry {
  return { time: new Date().toISOString(), user: user.name, ledger, rowId: null, action: 'update', before, after };
}
