// The rules configuration and the calendar in force, read at start and replaced by an admin.

import { Calendar } from './domain/calendar.ts';
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

  async setRules(rules: RulesConfig, user: User): Promise<void> {
    await this.documents.write('rules', rules, audit(user, 'rules', this.current.rules, rules));
    this.current = { ...this.current, rules };
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
