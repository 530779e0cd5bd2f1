// Looks inside an uploaded .xlsx before exceljs does. exceljs unpacks and parses everything in
// memory, so a zip bomb, a million-row sheet or a file that is no xlsx at all is refused here,
// from the zip's central directory (cheap) and one bounded inflate of each part, with a Chinese
// message. Nothing here keeps the unpacked parts.

import { inflateRawSync } from 'node:zlib';
import { formatCount, formatMegabytes, WORKBOOK_LIMITS, WorkbookRefusal } from './limits.ts';

export interface XlsxInspection {
  parts: string[];
  rows: number;
  cells: number;
  merges: number;
  /** What the workbook holds that exceljs does not write back, in the clerk's words. */
  notKept: string[];
}

type Limits = Record<Exclude<keyof typeof WORKBOOK_LIMITS, 'uploadBytes'>, number>;

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const SAVE_AS = '请在 Excel 或 WPS 中打开后「另存为」Excel 工作簿（*.xlsx）再上传';

const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
const SHEET_TOKEN = /<(?:[A-Za-z_][\w.-]*:)?(row|c|mergeCell)[\s/>]/g;
const MERGE_REF = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref="\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?"/g;
const NOT_KEPT: Array<[RegExp, string]> = [
  [/^xl\/charts\//i, '图表'],
  [/^xl\/pivotTables\//i, '数据透视表'],
  [/^xl\/slicers\//i, '切片器'],
  [/^xl\/threadedComments\//i, '新版批注的回复（保留为普通批注）'],
];

export function inspectXlsx(file: Buffer, limits: Limits = WORKBOOK_LIMITS): XlsxInspection {
  if (file.length === 0) throw new WorkbookRefusal(400, 'empty_file', '上传的文件是空的，请选择 .xlsx 工作簿');
  if (file.subarray(0, 8).equals(OLE2_MAGIC)) {
    throw new WorkbookRefusal(400, 'not_xlsx', `这是旧版 Excel 97-2003（.xls）、WPS 表格（.et）文件或设有打开密码的工作簿，无法读取。${SAVE_AS}（不要设置密码）`);
  }
  const magic = file.length >= 4 ? file.readUInt32LE(0) : 0;
  if (magic !== LOCAL_HEADER && magic !== END_OF_DIRECTORY) {
    throw new WorkbookRefusal(400, 'not_xlsx', `${looksLikeText(file) ? '文件是文本（例如 CSV），只是扩展名为 .xlsx，不是 Excel 工作簿' : '文件不是 Excel 工作簿（.xlsx）'}。${SAVE_AS}`);
  }
  const entries = readDirectory(file, limits);
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has('xl/workbook.xml')) {
    throw new WorkbookRefusal(400, 'not_xlsx', `文件是压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml，可能是 Word 文档或其他压缩包）。${SAVE_AS}`);
  }

  const inspection: XlsxInspection = { parts: [...names], rows: 0, cells: 0, merges: 0, notKept: [] };
  for (const entry of entries) {
    const content = unpack(file, entry);
    if (WORKSHEET_PART.test(entry.name)) countSheet(content.toString('latin1'), inspection);
  }
  for (const [pattern, feature] of NOT_KEPT) {
    if (inspection.parts.some((name) => pattern.test(name))) inspection.notKept.push(feature);
  }
  checkSheetLimits(inspection, limits);
  return inspection;
}

/** The central directory: every part's name and sizes, checked against the limits before unpacking. */
function readDirectory(file: Buffer, limits: Limits): Entry[] {
  const end = findEndOfDirectory(file);
  let count = file.readUInt16LE(end + 10);
  let size = file.readUInt32LE(end + 12);
  let offset = file.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || file.readUInt32LE(locator) !== ZIP64_LOCATOR) throw corrupt();
    const zip64End = readSafe(file, locator + 8);
    if (zip64End + 56 > file.length || file.readUInt32LE(zip64End) !== ZIP64_END) throw corrupt();
    count = readSafe(file, zip64End + 32);
    size = readSafe(file, zip64End + 40);
    offset = readSafe(file, zip64End + 48);
  }
  if (offset + size > file.length) throw corrupt();
  if (count > limits.parts) {
    throw new WorkbookRefusal(413, 'too_many_parts', `工作簿由 ${formatCount(count)} 个部件组成，超过上限 ${formatCount(limits.parts)}，不像是普通的台账文件`);
  }

  const entries: Entry[] = [];
  let unpacked = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== DIRECTORY_ENTRY) throw corrupt();
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const commentLength = file.readUInt16LE(at + 32);
    if (at + 46 + nameLength + extraLength > file.length) throw corrupt();
    const entry: Entry = {
      name: file.toString('utf8', at + 46, at + 46 + nameLength),
      flags: file.readUInt16LE(at + 8),
      method: file.readUInt16LE(at + 10),
      compressedSize: file.readUInt32LE(at + 20),
      size: file.readUInt32LE(at + 24),
      localHeader: file.readUInt32LE(at + 42),
    };
    applyZip64Extra(entry, file.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    unpacked += entry.size;
    if (unpacked > limits.unpackedBytes) {
      throw new WorkbookRefusal(
        413,
        'unpacked_too_large',
        `工作簿解压后超过 ${formatMegabytes(limits.unpackedBytes)}（上限），可能是“压缩炸弹”或含有大量图片，已拒绝。请只保留台账工作表后再上传`,
      );
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfDirectory(file: Buffer): number {
  const last = file.length - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (file.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw corrupt();
}

/** Sizes and offsets too large for 32 bits live in the zip64 extra field, in this order. */
function applyZip64Extra(entry: Entry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ['size', 'compressedSize', 'localHeader'] as const) {
        if (entry[key] !== 0xffffffff) continue;
        if (field + 8 > at + 4 + length) throw corrupt();
        entry[key] = readSafe(extra, field);
        field += 8;
      }
    }
    at += 4 + length;
  }
}

function readSafe(buffer: Buffer, at: number): number {
  if (at + 8 > buffer.length) throw corrupt();
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt();
  return Number(value);
}

/** One part, unpacked to no more than its declared size: a part that lies about its size is refused. */
function unpack(file: Buffer, entry: Entry): Buffer {
  if (entry.flags & 0x1) throw new WorkbookRefusal(400, 'encrypted_xlsx', `工作簿设有密码，无法读取。${SAVE_AS}（不要设置密码）`);
  const at = entry.localHeader;
  if (at + 30 > file.length || file.readUInt32LE(at) !== LOCAL_HEADER) throw corrupt();
  const start = at + 30 + file.readUInt16LE(at + 26) + file.readUInt16LE(at + 28);
  if (start + entry.compressedSize > file.length) throw corrupt();
  const data = file.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new WorkbookRefusal(400, 'unsupported_zip', `工作簿的部件「${entry.name.slice(0, 60)}」使用了不支持的压缩方式。${SAVE_AS}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
  } catch {
    throw new WorkbookRefusal(400, 'corrupt_xlsx', `工作簿的部件「${entry.name.slice(0, 60)}」已损坏，或解压后的大小与记录不符，已拒绝。${SAVE_AS}`);
  }
}

function countSheet(xml: string, into: XlsxInspection): void {
  for (const match of xml.matchAll(SHEET_TOKEN)) {
    if (match[1] === 'row') into.rows++;
    else if (match[1] === 'c') into.cells++;
    else into.merges++;
  }
  for (const match of xml.matchAll(MERGE_REF)) {
    if (match[3] === undefined) continue;
    const width = Math.abs(columnNumber(match[3]) - columnNumber(match[1])) + 1;
    const height = Math.abs(Number(match[4]) - Number(match[2])) + 1;
    into.cells += width * height - 1;
  }
}

function checkSheetLimits(inspection: XlsxInspection, limits: Limits): void {
  const split = '请删去多余的空行、空列，或把台账拆成几个文件后分别上传';
  if (inspection.rows > limits.rows) {
    throw new WorkbookRefusal(413, 'too_many_rows', `工作簿共有 ${formatCount(inspection.rows)} 行，超过上限 ${formatCount(limits.rows)} 行。${split}`);
  }
  if (inspection.merges > limits.merges) {
    throw new WorkbookRefusal(413, 'too_many_merges', `工作簿有 ${formatCount(inspection.merges)} 处合并单元格，超过上限 ${formatCount(limits.merges)} 处。请取消数据区的合并单元格后再上传`);
  }
  if (inspection.cells > limits.cells) {
    throw new WorkbookRefusal(413, 'too_many_cells', `工作簿共有 ${formatCount(inspection.cells)} 个单元格，超过上限 ${formatCount(limits.cells)} 个。${split}`);
  }
}

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((total, char) => total * 26 + char.charCodeAt(0) - 64, 0);
}

/** Text files (CSV, TSV, HTML saved as .xlsx) have no control bytes in their first kilobyte. */
function looksLikeText(file: Buffer): boolean {
  const head = file.subarray(0, 1024);
  return !head.some((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x20));
}

function corrupt(): WorkbookRefusal {
  return new WorkbookRefusal(400, 'corrupt_xlsx', `文件不完整或已损坏（可能在下载、复制或上传时被截断），无法作为 Excel 工作簿读取。${SAVE_AS}`);
}
