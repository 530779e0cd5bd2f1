// The part of WPS 表格's object model (ET) the WPS layer uses. wps-jsapi-declare, the vendor's
// declarations on the npm registry, types the add-in platform (Application.CreateTaskPane,
// PluginStorage, ribbonUI, ApiEvent) and WPS 文字's model, but not ET's; so the members below are
// declared here, each one as ET's JS API documents it after the classic Excel object model:
// synchronous, 1-based Cells, Value2 read and written as 2-D arrays, colours as BGR numbers.
// Nothing else of ET is used, so nothing else is declared.

declare namespace Et {
  interface Application {
    readonly ActiveSheet: Worksheet;
    readonly ActiveWorkbook: Workbook | null;
    readonly ActiveWindow: Window;
    readonly Worksheets: Sheets;
    readonly ApiEvent: ApiEvent;
  }

  /** Application events; SheetChange is told after the clerk changes cells of any sheet. */
  interface ApiEvent {
    AddApiEventListener(EventName: 'SheetChange', callback: (sheet: Worksheet, target: Range) => void): void;
    RemoveApiEventListener(EventName: 'SheetChange', callback?: (sheet: Worksheet, target: Range) => void): void;
  }

  interface Workbook {
    readonly Name: string;
    readonly Worksheets: Sheets;
  }

  interface Sheets {
    readonly Count: number;
    /** 1-based index or sheet name. */
    Item(Index: number | string): Worksheet;
    /** A new sheet, after the one given (before the active one when none is). */
    Add(Before?: Worksheet, After?: Worksheet, Count?: number, Type?: number): Worksheet;
  }

  interface Worksheet {
    Name: string;
    readonly Index: number;
    readonly Cells: Range;
    readonly UsedRange: Range;
    readonly ListObjects: ListObjects;
    /** The sheet's comments, 1-based. */
    readonly Comments: { readonly Count: number; Item(Index: number): Comment };
    Range(Cell1: string): Range;
    Activate(): void;
    Delete(): void;
  }

  interface Window {
    FreezePanes: boolean;
    SplitRow: number;
    SplitColumn: number;
  }

  interface Range {
    /** 1-based sheet row and column of the first cell. */
    readonly Row: number;
    readonly Column: number;
    readonly Rows: { readonly Count: number };
    readonly Columns: { readonly Count: number };
    /** A single cell's value, or a 2-D array (rows of cells) of a larger range. */
    Value2: unknown;
    NumberFormat: string;
    ColumnWidth: number;
    readonly Interior: Interior;
    readonly Font: Font;
    readonly Comment: Comment | null;
    readonly Validation: Validation;
    readonly FormatConditions: FormatConditions;
    readonly EntireColumn: Range;
    Hidden: boolean;
    readonly Worksheet: Worksheet;
    /** 1-based row and column within this range. */
    Item(RowIndex: number, ColumnIndex?: number): Range;
    AddComment(Text?: string): Comment;
    Select(): void;
  }

  interface Interior {
    /** BGR: red + green × 256 + blue × 65536. */
    Color: number;
    /** XL_NONE (-4142) removes the fill. */
    ColorIndex: number;
  }

  interface Font {
    Bold: boolean;
    Color: number;
    Size: number;
  }

  interface Comment {
    Text(Text?: string): string;
    Delete(): void;
    /** The cell the comment is on. */
    readonly Parent: Range;
  }

  interface Validation {
    /** Type 3 = xlValidateList, Formula1 the options separated by commas. */
    Add(Type: number, AlertStyle?: number, Operator?: number, Formula1?: string, Formula2?: string): void;
    Delete(): void;
    ShowError: boolean;
    InCellDropdown: boolean;
  }

  interface FormatConditions {
    readonly Count: number;
    /** Type 1 = xlCellValue with Operator 3 = xlEqual and Formula1 such as ="超期". */
    Add(Type: number, Operator?: number, Formula1?: string, Formula2?: string): FormatCondition;
    Delete(): void;
  }

  interface FormatCondition {
    readonly Interior: Interior;
    readonly Font: Font;
  }

  interface ListObjects {
    readonly Count: number;
    Item(Index: number | string): ListObject;
    /** SourceType 1 = xlSrcRange; XlListObjectHasHeaders 1 = xlYes. */
    Add(SourceType?: number, Source?: Range, LinkSource?: unknown, XlListObjectHasHeaders?: number): ListObject;
  }

  /** A table (表格, "超级表"): grows when the clerk types right below it. */
  interface ListObject {
    Name: string;
    TableStyle: string;
    readonly Range: Range;
    readonly HeaderRowRange: Range;
    readonly DataBodyRange: Range | null;
    /** The table over a larger range (columns appended at its right). */
    Resize(Range: Range): void;
  }
}
