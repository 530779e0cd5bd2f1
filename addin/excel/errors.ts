// Errors the clerk reads: what happened and what to do, in Chinese. Office's own errors are
// translated by their code; anything else keeps its message.

import { clerkMessage } from '../sheet/errors.ts';

export { NotLedgerTable, UserError } from '../sheet/errors.ts';

const OFFICE_MESSAGES: Record<string, string> = {
  ItemNotFound: '找不到要操作的表格或工作表，可能已被删除或改名',
  AccessDenied: '工作表受保护或正在编辑单元格，无法写入：请先退出单元格编辑或取消工作表保护',
  InvalidOperationInCellEditMode: '正在编辑单元格，请按回车结束编辑后再试',
  InsertDeleteConflict: '表格旁边有其他内容，无法插入列：请先腾出表格右侧的空列',
  InvalidArgument: 'Excel 拒绝了这次写入，请检查表格是否被合并单元格或筛选打乱',
  RequestPayloadSizeLimitExceeded: '一次写入的数据超过 Excel 的上限，请缩小表格后重试',
  ResponsePayloadSizeLimitExceeded: '一次读取的数据超过 Excel 的上限，请缩小表格后重试',
  ApiNotFound: '当前 Excel 版本不支持这项操作，请升级 Excel',
};

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isPayloadTooLarge(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

export function isItemNotFound(error: unknown): boolean {
  return codeOf(error) === 'ItemNotFound';
}

export function describeError(error: unknown): string {
  const ours = clerkMessage(error);
  if (ours !== null) return ours;
  const code = codeOf(error);
  if (code && OFFICE_MESSAGES[code]) return OFFICE_MESSAGES[code];
  const message = (error as Error)?.message;
  return message ? message : '发生未知错误，请重试';
}
