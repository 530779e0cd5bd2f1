// The weekly report's settings (court, issuing unit, start week, 落款): read from the document
// store on each request (small, rarely read), replaced by an admin with an audit line.

import { defaultReportSettings, type ReportSettings } from './domain/report/report-settings.ts';
import type { Store } from './store/store.ts';
import type { User } from './users.ts';

export interface ReportSettingsInfo {
  settings: ReportSettings;
  /** False while the admin never saved them: the defaults are in force. */
  saved: boolean;
}

export class ReportSettingsHolder {
  constructor(private readonly store: Store) {}

  async read(): Promise<ReportSettingsInfo> {
    const saved = await this.store.documents.read<Partial<ReportSettings>>('report-settings');
    // A field missing from a hand-edited file gets its default rather than an empty heading.
    if (saved) return { settings: { ...defaultReportSettings(), ...saved }, saved: true };
    return { settings: defaultReportSettings(await this.firstStoredWeek()), saved: false };
  }

  /** Replaces the settings (call inside the store's queue), audited with what was in force before. */
  async write(settings: ReportSettings, user: User): Promise<void> {
    const before = (await this.read()).settings;
    const time = new Date().toISOString();
    const entry = { time, user: user.name, ledger: 'report-settings', rowId: null, action: 'update', before, after: settings };
    await this.store.documents.write('report-settings', settings, entry);
  }

  private async firstStoredWeek(): Promise<string | null> {
    const reports = await this.store.reports.list();
    return reports.at(-1)?.week ?? null;
  }
}
