// What this Excel can do beyond ExcelApi 1.1, the manifest's minimum. Every newer feature is used
// only when its requirement set is supported, and the pane says plainly what is missing.

export interface Capabilities {
  /** 1.2: hide the 行ID/版本 columns, set column widths. */
  hideColumns: boolean;
  /** 1.4: append columns to an existing table; workbook settings remember error marks. */
  appendColumns: boolean;
  /** 1.6: colour 预警 by conditional formats. */
  conditionalFormats: boolean;
  /** 1.7: freeze the header row; table change events for automatic sync. */
  freezePanes: boolean;
  changeEvents: boolean;
  /** 1.8: dropdowns for columns with fixed options. */
  dataValidation: boolean;
  /** 1.10: comments carry error messages where notes are not available. */
  comments: boolean;
  /** 1.18: notes carry error messages. */
  notes: boolean;
}

export function detectCapabilities(isSetSupported: (name: string, version: string) => boolean = officeIsSetSupported): Capabilities {
  const excel = (version: string) => isSetSupported('ExcelApi', version);
  return {
    hideColumns: excel('1.2'),
    appendColumns: excel('1.4'),
    conditionalFormats: excel('1.6'),
    freezePanes: excel('1.7'),
    changeEvents: excel('1.7'),
    dataValidation: excel('1.8'),
    comments: excel('1.10'),
    notes: excel('1.18'),
  };
}

function officeIsSetSupported(name: string, version: string): boolean {
  return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(name, version);
}

/** What an older Excel cannot do, in the clerk's words; empty when everything is available. */
export function missingFeatures(capabilities: Capabilities): string[] {
  const missing: string[] = [];
  if (!capabilities.hideColumns) missing.push('无法隐藏「行ID」「版本」两列（请勿修改这两列）');
  if (!capabilities.appendColumns)
    missing.push('接管已有的 Excel 表格时无法追加列（请先把表格转换为普通区域再接管）；错误标记只在助手本次打开期间能自动清除');
  if (!capabilities.conditionalFormats) missing.push('「预警」列不能按超期、临期、正常自动着色');
  if (!capabilities.freezePanes) missing.push('新建台账时无法冻结标题行');
  if (!capabilities.changeEvents) missing.push('无法在修改后自动同步，请手动点「同步本表」');
  if (!capabilities.dataValidation) missing.push('新建台账时无法为选项列添加下拉列表');
  if (!capabilities.notes && !capabilities.comments) missing.push('出错的单元格只标红，不能附加批注说明（说明见「校验意见」列）');
  return missing;
}
