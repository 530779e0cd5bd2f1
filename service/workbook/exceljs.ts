// exceljs, as the workbook layer uses it. Every module under service/workbook imports it from here,
// so the adjustment below is in place before any workbook is read.
//
// exceljs reads a data validation over a range into one entry per cell: a dropdown on a whole
// column (Excel's usual way, J2:J1048576) becomes a million entries, about 260 MB and a second of
// work, from a file of a few kilobytes. Its writer already accepts a range as one entry, so the
// reader keeps ranges as ranges. Nothing here reads a cell's validation.
//
// Upstream: exceljs/exceljs#1842 (open when this was written; reported earlier as #1283).
// DataValidationsXform.parseClose stores the validation under every address of each range, with
// Range.forEachAddress (lib/xlsx/xform/sheet/data-validations-xform.js, line 221 in 4.4.0); the
// proposed fix, exceljs/exceljs#2977, was not merged. The patch reaches into exceljs's internals,
// so package.json pins exceljs to exactly 4.4.0: check this file before moving to another version.
//
// Every text exceljs writes into the package's XML (cell strings, notes, sheet names, attributes)
// goes through utils.xmlEncode. It drops most C0 controls, but writes U+FFFE, U+FFFF and lone
// surrogates as they are, and one such character in a 承办人 makes sharedStrings.xml invalid XML:
// Excel then refuses the whole workbook. The encoder first takes out every character XML cannot
// hold (xmlSafeText), so no workbook we write, a clerk's own cells included, can be broken by one.

import ExcelJS from 'exceljs';
import colCache from 'exceljs/lib/utils/col-cache.js';
import DataValidationsXform from 'exceljs/lib/xlsx/xform/sheet/data-validations-xform.js';
import exceljsUtils from 'exceljs/lib/utils/utils.js';
import { xmlSafeText } from '../domain/sheet-text.ts';

const parseClose = DataValidationsXform.prototype.parseClose;
DataValidationsXform.prototype.parseClose = function (name: string): boolean {
  if (name !== 'dataValidation') return parseClose.call(this, name);
  const validation = this._dataValidation;
  if (!validation.formulae?.length) {
    delete validation.formulae;
    delete validation.operator;
  }
  for (const address of this._address.split(/\s+/).filter(Boolean)) {
    const key = address.includes(':') ? (colCache.decodeEx(address).dimensions ?? address) : address;
    this.model[key] = validation;
  }
  return true;
};

const xmlEncode = exceljsUtils.xmlEncode;
exceljsUtils.xmlEncode = (text: string): string => xmlEncode(xmlSafeText(text));

export default ExcelJS;
export type { Cell, CellValue, Row, Workbook, Worksheet } from 'exceljs';
