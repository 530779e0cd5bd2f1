// Opens a download in the system browser from Excel: the pane's web view cannot save a file everywhere
// (Excel's Edge web view does not download), so Office.context.ui.openBrowserWindow (requirement
// set OpenBrowserWindowApi 1.1) hands the address to the browser; where it is missing (Excel
// on the web) a new window (target _blank) does the same.

export function openInBrowser(url: string): void {
  const office = typeof Office !== 'undefined' ? Office.context : undefined;
  if (office?.requirements?.isSetSupported('OpenBrowserWindowApi', '1.1')) return office.ui.openBrowserWindow(url);
  window.open(url, '_blank', 'noopener');
}
