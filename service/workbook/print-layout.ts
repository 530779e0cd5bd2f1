// How a ledger sheet prints (issue 13): A4 landscape, one page wide and as many pages long as it
// takes, the header row repeated on every page, and a header and footer naming the ledger with
// page numbers. Used by the templates, the annotated sheets and the weekly report.

import type ExcelJS from 'exceljs';
import type { Worksheet } from './exceljs.ts';

const A4 = 9 as ExcelJS.PaperSize;

/** Excel's header/footer codes start with &: a literal & in a name is written &&. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/** The page setup and header/footer of the print layout (see setPrintLayout), for a sheet written as a stream. */
export function printLayout(title: string, titleRows: string): Pick<Worksheet, 'pageSetup' | 'headerFooter'> {
  return {
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: titleRows,
      margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    } as Worksheet['pageSetup'],
    headerFooter: {
      oddHeader: `&C&"-,Bold"&12${headerText(title)}`,
      oddFooter: `&L${headerText(title)}&R第 &P 页，共 &N 页`,
    } as Worksheet['headerFooter'],
  };
}

/**
 * Sets the print layout. `titleRows` are repeated at the top of every page ('1:1', or the rows down
 * to a clerk's header row). A sheet's own header or footer (a clerk's) is kept.
 */
export function setPrintLayout(sheet: Worksheet, title: string, titleRows: string): void {
  const layout = printLayout(title, titleRows);
  sheet.pageSetup = { ...sheet.pageSetup, ...layout.pageSetup };
  const own = sheet.headerFooter;
  if (own?.oddHeader || own?.oddFooter) return;
  sheet.headerFooter = { ...own, ...layout.headerFooter };
}
