// An empty ledger workbook (SPEC §7 GET /api/templates/:id.xlsx), made from the ledger definition
// alone: header row, dropdowns for enumerations from a hidden option sheet, number formats by
// column type, widths, a frozen header, the system columns styled apart, and a print layout.

import type { AnyLedger, ColumnDef } from '../domain/ledger.ts';
import { systemColumnsOf } from '../domain/row.ts';
import { readAsFormula } from '../domain/sheet-text.ts';
import type { DataValidation } from 'exceljs';
import ExcelJS, { type Worksheet } from './exceljs.ts';
import {
  columnWidth,
  INPUT_HEADER_STYLE,
  inputNumberFormat,
  SYSTEM_COLUMN_WIDTHS,
  SYSTEM_HEADER_STYLE,
  systemCellStyle,
} from './styles.ts';
import { setPrintLayout } from './print-layout.ts';
import { IDENTITY_COLUMNS } from './table-layout.ts';

export const OPTIONS_SHEET = '选项';
const LAST_ROW = 1_048_576;
const YES_NO = ['是', '否'];

export async function buildTemplate(ledger: AnyLedger): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '执行台账助手';
  const sheet = workbook.addWorksheet(sheetName(ledger.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  const options = workbook.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });

  const header = sheet.getRow(1);
  header.height = 32;
  let optionColumn = 0;
  ledger.columns.forEach((column, index) => {
    const columnNumber = index + 1;
    const cell = header.getCell(columnNumber);
    cell.value = column.header;
    cell.style = INPUT_HEADER_STYLE;
    if (column.required) cell.note = '必填';
    const sheetColumn = sheet.getColumn(columnNumber);
    sheetColumn.width = columnWidth(column.header, column.type);
    const numFmt = inputNumberFormat(column.type);
    if (numFmt) sheetColumn.style = { numFmt };
    const list = choicesOf(column);
    if (list) addDropdown(sheet, options, column, columnNumber, list, ++optionColumn);
  });

  const systemColumns = [...systemColumnsOf(ledger), ...IDENTITY_COLUMNS];
  systemColumns.forEach((column, index) => {
    const columnNumber = ledger.columns.length + index + 1;
    const cell = header.getCell(columnNumber);
    cell.value = column.header;
    cell.style = SYSTEM_HEADER_STYLE;
    const sheetColumn = sheet.getColumn(columnNumber);
    sheetColumn.width = SYSTEM_COLUMN_WIDTHS[column.id] ?? columnWidth(column.header, column.type);
    sheetColumn.style = { ...systemCellStyle(column.type) };
    if (IDENTITY_COLUMNS.includes(column)) sheetColumn.hidden = true;
  });
  header.getCell(ledger.columns.length + 1).note = '灰蓝色的列由服务填写（同步或上传标注时），请勿手工修改';
  setPrintLayout(sheet, ledger.name, '1:1');

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function choicesOf(column: ColumnDef): string[] | null {
  if (column.type === 'yesno') return YES_NO;
  if ((column.type === 'enum' || column.type === 'tags') && column.options?.length) return column.options;
  return null;
}

/**
 * A dropdown on the whole column, listing the options from the hidden sheet (a list typed into the
 * rule itself is limited to 255 characters). Other words the service accepts (终本, Y) are allowed
 * with a warning; a tags column takes several options, so it only offers them.
 */
function addDropdown(
  sheet: Worksheet,
  options: Worksheet,
  column: ColumnDef,
  columnNumber: number,
  list: string[],
  optionColumn: number,
): void {
  const letter = options.getColumn(optionColumn).letter;
  options.getCell(1, optionColumn).value = `${column.header}（选项）`;
  list.forEach((option, index) => {
    const cell = options.getCell(index + 2, optionColumn);
    cell.value = option;
    if (readAsFormula(option)) cell.numFmt = '@';
  });
  const letterInSheet = sheet.getColumn(columnNumber).letter;
  const several = column.type === 'tags';
  // exceljs's types leave out the sheet's validations, which take a range as one entry.
  (sheet as Worksheet & { dataValidations: { add(range: string, rule: DataValidation): void } }).dataValidations.add(
    `${letterInSheet}2:${letterInSheet}${LAST_ROW}`,
    {
      type: 'list',
      allowBlank: true,
      formulae: [`'${OPTIONS_SHEET}'!$${letter}$2:$${letter}$${list.length + 1}`],
      showInputMessage: true,
      promptTitle: column.header,
      prompt: several ? '可从列表选择，多个标签用顿号（、）分隔' : '请从列表选择',
      showErrorMessage: !several,
      errorStyle: 'warning',
      errorTitle: column.header,
      error: `应为：${list.join('、')}`.slice(0, 225),
    },
  );
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}
