// What a test does and sees in a stand-in host's workbook, whatever the host's API (Excel's in
// office.ts, WPS 表格's in ../wps-host/et.ts): type and sort as a clerk, read cells, tables, formats.

import type { Box, Cell, Sheet, Table, Workbook } from './model.ts';

export function workbookApi(model: Workbook, changed: (sheet: Sheet, box: Box) => void) {
  function tableNamed(name: string): Table {
    const table = model.tableByKey(name);
    if (!table) throw new Error(`no table ${name}`);
    return table;
  }

  function sheetNamed(name?: string) {
    const sheet = name ? model.sheetByName(name) : model.activeSheet;
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  function describeCell(cell: Cell | undefined, displayedFill: string | null) {
    return {
      value: cell?.value ?? '',
      numberFormat: cell?.numberFormat ?? 'General',
      fill: cell?.fill ?? null,
      displayedFill,
      fontColor: cell?.fontColor ?? null,
      bold: cell?.bold ?? false,
      note: cell?.note ?? null,
      comment: cell?.commentId ? (model.comments.get(cell.commentId)?.content ?? null) : null,
    };
  }

  /** Rows of a table as header → value objects, hidden columns included, with their sheet row (1-based). */
  function tableRows(name: string) {
    const table = tableNamed(name);
    const sheet = model.sheetById(table.sheetId);
    const headers = Array.from({ length: table.columnCount }, (_, column) =>
      String(model.valueAt(sheet, table.headerRow, table.column + column)),
    );
    return Array.from({ length: table.bodyRows }, (_, index) => {
      const row = table.headerRow + 1 + index;
      const values: Record<string, unknown> = { __row: row + 1 };
      headers.forEach((header, column) => (values[header] = model.valueAt(sheet, row, table.column + column)));
      return values;
    });
  }

  return {
    sheetNames: () => model.sheets.map((sheet) => sheet.name),
    activeSheet: () => model.activeSheet.name,
    activate(name: string) {
      model.activeSheetId = sheetNamed(name).id;
    },
    addSheet: (name: string) => model.addSheet(name).name,
    /** The clerk types a block of values: tables below it grow, change events fire. */
    typeCells(sheetName: string, address: string, values: unknown[][]) {
      const sheet = sheetNamed(sheetName);
      const { box } = model.parse(address);
      model.expandTableFor(sheet, box);
      values.forEach((row, r) =>
        row.forEach((value, c) => model.setValue(sheet, box.row + r, box.column + c, value as string | number | boolean)),
      );
      changed(sheet, box);
    },
    /** The clerk's Insert → Table over a range whose first row is the header. */
    addTable(sheetName: string, address: string, name: string) {
      const sheet = sheetNamed(sheetName);
      const { box } = model.parse(address);
      model.tables.push({
        id: model.newId(),
        name,
        sheetId: sheet.id,
        headerRow: box.row,
        column: box.column,
        columnCount: box.columnCount,
        bodyRows: box.rowCount - 1,
        style: 'TableStyleMedium2',
      });
    },
    sortTable(tableName: string, header: string, ascending = true) {
      const table = tableNamed(tableName);
      const sheet = model.sheetById(table.sheetId);
      const offset = Array.from({ length: table.columnCount }, (_, column) =>
        String(model.valueAt(sheet, table.headerRow, table.column + column)),
      ).indexOf(header);
      if (offset < 0) throw new Error(`no column ${header}`);
      model.sortTable(table, offset, ascending);
      changed(sheet, model.bodyBox(table));
    },
    readValues(sheetName: string, address: string) {
      const sheet = sheetNamed(sheetName);
      const { box } = model.parse(address);
      return Array.from({ length: box.rowCount }, (_, r) =>
        Array.from({ length: box.columnCount }, (_, c) => model.valueAt(sheet, box.row + r, box.column + c)),
      );
    },
    cell(sheetName: string, address: string) {
      const sheet = sheetNamed(sheetName);
      const { box } = model.parse(address);
      return describeCell(model.peek(sheet, box.row, box.column), model.displayedFill(sheet, box.row, box.column));
    },
    /** A cell of a table found by its column header and 1-based sheet row. */
    tableCell(tableName: string, header: string, sheetRow: number) {
      const table = tableNamed(tableName);
      const sheet = model.sheetById(table.sheetId);
      const headers = Array.from({ length: table.columnCount }, (_, column) =>
        String(model.valueAt(sheet, table.headerRow, table.column + column)),
      );
      const column = table.column + headers.indexOf(header);
      if (column < table.column) throw new Error(`no column ${header}`);
      return {
        ...describeCell(model.peek(sheet, sheetRow - 1, column), model.displayedFill(sheet, sheetRow - 1, column)),
        address: model.address({ row: sheetRow - 1, column, rowCount: 1, columnCount: 1 }),
      };
    },
    tableRows,
    tables: () =>
      model.tables.map((table) => ({
        name: table.name,
        id: table.id,
        sheet: model.sheetById(table.sheetId).name,
        address: model.address(model.tableBox(table)),
        bodyRows: table.bodyRows,
        style: table.style,
      })),
    sheetInfo(name: string) {
      const sheet = sheetNamed(name);
      return {
        frozenRows: sheet.frozenRows,
        hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
        columnWidths: Object.fromEntries(sheet.columnWidths),
        validations: sheet.validations.map((validation) => ({ address: model.address(validation.box), rule: validation.rule })),
        conditionalFormats: sheet.conditionalFormats.map((format) => ({
          address: model.address(format.box),
          type: format.type,
          rule: format.rule,
          fill: format.fill,
        })),
        charts: sheet.charts.map((chart) => ({
          type: chart.type,
          source: model.address(chart.source),
          seriesBy: chart.seriesBy,
          title: chart.title,
          topLeft: chart.topLeft,
          bottomRight: chart.bottomRight,
        })),
      };
    },
    selection: () => model.selection,
    settings: () => Object.fromEntries(model.settings),
  };
}
