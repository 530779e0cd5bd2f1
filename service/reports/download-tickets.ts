// One-time download tickets: the add-in opens a report in the system browser (which holds no
// token), so it first asks, with its token, for a ticket naming one file; the browser's plain GET
// with the ticket gets that file once, within two minutes. The long-lived token never goes into a
// URL (where it would stay in the browser's history and the proxy's log).

import { randomBytes } from 'node:crypto';

export const TICKET_LIFETIME_MS = 2 * 60_000;

export interface TicketedDownload {
  week: string;
  asOf: string;
  format: 'xlsx' | 'docx';
}

export class DownloadTickets {
  private readonly issued = new Map<string, { download: TicketedDownload; expires: number }>();

  constructor(private readonly now: () => Date) {}

  issue(download: TicketedDownload): string {
    this.dropExpired();
    const ticket = randomBytes(24).toString('base64url');
    this.issued.set(ticket, { download, expires: this.now().getTime() + TICKET_LIFETIME_MS });
    return ticket;
  }

  /** The download a ticket was issued for, once; null for an unknown, used or expired ticket. */
  redeem(ticket: string): TicketedDownload | null {
    const entry = this.issued.get(ticket);
    this.issued.delete(ticket);
    return entry && entry.expires > this.now().getTime() ? entry.download : null;
  }

  private dropExpired(): void {
    const now = this.now().getTime();
    for (const [ticket, entry] of this.issued) if (entry.expires <= now) this.issued.delete(ticket);
  }
}
