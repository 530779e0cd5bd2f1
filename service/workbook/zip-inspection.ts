// Looks inside an uploaded .xlsx before its cells are read: a zip bomb, a million-row sheet or a
// file that is no xlsx at all is refused here, from the zip's central directory (cheap) and one
// bounded inflate of each part, with a Chinese message. Nothing here keeps the unpacked parts.
//
// yauzl reads the zip: it checks every record's signature and bounds, and stops a part whose data
// inflates to more (or fewer) bytes than its directory entry declares, so the declared sizes the
// limits are checked against can be trusted. What is ours: sniffing what kind of file it is,
// the limits, the counting of rows and cells, and the clerk's message for each refusal.

import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { formatCount, formatMegabytes, WORKBOOK_LIMITS, WorkbookRefusal } from './limits.ts';

export interface XlsxInspection {
  parts: string[];
  rows: number;
  cells: number;
  merges: number;
  /** Shared strings (xl/sharedStrings.xml) and cell formats (xl/styles.xml), counted as they stream. */
  sharedStrings: number;
  styles: number;
}

type Limits = Record<Exclude<keyof typeof WORKBOOK_LIMITS, 'uploadBytes'>, number>;

/** The first four bytes of a zip: a part's local header, or the end of an empty zip's directory. */
const LOCAL_HEADER = 0x04034b50;
const END_OF_DIRECTORY = 0x06054b50;
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const STORED = 0;
const DEFLATED = 8;
const SAVE_AS = '请在 Excel 或 WPS 中打开后「另存为」Excel 工作簿（*.xlsx）再上传';

const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
const SHEET_TOKEN = /<(?:[A-Za-z_][\w.-]*:)?(row|c|mergeCell)[\s/>]/g;
const MERGE_REF = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref="\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?"/g;

export async function inspectXlsx(file: Buffer, limits: Limits = WORKBOOK_LIMITS): Promise<XlsxInspection> {
  checkSignature(file);
  const zip = await yauzl.fromBufferPromise(file, { lazyEntries: true }).catch(() => {
    throw corrupt();
  });
  try {
    const entries = await readDirectory(zip, limits);
    const names = new Set(entries.map((entry) => entry.fileName));
    if (!names.has('xl/workbook.xml')) {
      throw new WorkbookRefusal(
        400,
        'not_xlsx',
        `文件是压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml，可能是 Word 文档或其他压缩包）。${SAVE_AS}`,
      );
    }

    const inspection: XlsxInspection = { parts: [...names], rows: 0, cells: 0, merges: 0, sharedStrings: 0, styles: 0 };
    for (const entry of entries) {
      const sheet = WORKSHEET_PART.test(entry.fileName);
      const counted = COUNTED_PARTS.find(([name]) => name === entry.fileName);
      const content = await unpack(zip, entry, sheet, counted && counter(counted[1], (found) => (inspection[counted[2]] += found)));
      if (sheet) countSheet(content.toString('latin1'), inspection);
    }
    checkSheetLimits(inspection, limits);
    return inspection;
  } finally {
    zip.close();
  }
}

/** What kind of file it is, from its first bytes, before anything reads it as a zip. */
function checkSignature(file: Buffer): void {
  if (file.length === 0) throw new WorkbookRefusal(400, 'empty_file', '上传的文件是空的，请选择 .xlsx 工作簿');
  if (file.subarray(0, 8).equals(OLE2_MAGIC)) {
    throw new WorkbookRefusal(
      400,
      'not_xlsx',
      `这是旧版 Excel 97-2003（.xls）、WPS 表格（.et）文件或设有打开密码的工作簿，无法读取。${SAVE_AS}（不要设置密码）`,
    );
  }
  const magic = file.length >= 4 ? file.readUInt32LE(0) : 0;
  if (magic !== LOCAL_HEADER && magic !== END_OF_DIRECTORY) {
    throw new WorkbookRefusal(
      400,
      'not_xlsx',
      `${looksLikeText(file) ? '文件是文本（例如 CSV），只是扩展名为 .xlsx，不是 Excel 工作簿' : '文件不是 Excel 工作簿（.xlsx）'}。${SAVE_AS}`,
    );
  }
}

/** The central directory: every part's name and sizes, checked against the limits before unpacking. */
async function readDirectory(zip: ZipFile, limits: Limits): Promise<Entry[]> {
  if (zip.entryCount > limits.parts) {
    throw new WorkbookRefusal(
      413,
      'too_many_parts',
      `工作簿由 ${formatCount(zip.entryCount)} 个部件组成，超过上限 ${formatCount(limits.parts)}，不像是普通的台账文件`,
    );
  }
  const entries: Entry[] = [];
  let unpacked = 0;
  const directory = zip.eachEntry();
  for (;;) {
    const next = await directory.next().catch(() => {
      throw corrupt();
    });
    if (next.done) return entries;
    unpacked += next.value.uncompressedSize;
    if (unpacked > limits.unpackedBytes) {
      throw new WorkbookRefusal(
        413,
        'unpacked_too_large',
        `工作簿解压后超过 ${formatMegabytes(limits.unpackedBytes)}（上限），可能是“压缩炸弹”或含有大量图片，已拒绝。请只保留台账工作表后再上传`,
      );
    }
    entries.push(next.value);
  }
}

/**
 * One part, unpacked to no more than its declared size: a part that lies about its size is refused.
 * Only a worksheet's bytes are kept (`keep`); every other part is only checked as it streams past.
 */
async function unpack(zip: ZipFile, entry: Entry, keep: boolean, count?: (chunk: Buffer) => void): Promise<Buffer> {
  const part = `工作簿的部件「${entry.fileName.slice(0, 60)}」`;
  if (entry.isEncrypted()) throw new WorkbookRefusal(400, 'encrypted_xlsx', `工作簿设有密码，无法读取。${SAVE_AS}（不要设置密码）`);
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    throw new WorkbookRefusal(400, 'unsupported_zip', `${part}使用了不支持的压缩方式。${SAVE_AS}`);
  }
  const stream: Readable = await zip.openReadStreamPromise(entry).catch(() => {
    throw corrupt();
  });
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) {
      if (keep) chunks.push(chunk as Buffer);
      count?.(chunk as Buffer);
    }
  } catch {
    throw new WorkbookRefusal(400, 'corrupt_xlsx', `${part}已损坏，或解压后的大小与记录不符，已拒绝。${SAVE_AS}`);
  }
  return Buffer.concat(chunks);
}

/** Parts whose records are counted as they stream past, without being kept. */
const COUNTED_PARTS: Array<[string, RegExp, 'sharedStrings' | 'styles']> = [
  ['xl/sharedStrings.xml', /<(?:[A-Za-z_][\w.-]*:)?si[\s/>]/g, 'sharedStrings'],
  ['xl/styles.xml', /<(?:[A-Za-z_][\w.-]*:)?xf[\s/>]/g, 'styles'],
];

/** Counts a tag in a streamed part, the unmatched tail of each chunk kept for the next. */
function counter(tag: RegExp, add: (found: number) => void): (chunk: Buffer) => void {
  let carry = '';
  return (chunk) => {
    const text = carry + chunk.toString('latin1');
    let found = 0;
    let end = 0;
    for (const match of text.matchAll(tag)) {
      found++;
      end = match.index + match[0].length;
    }
    add(found);
    carry = text.slice(Math.max(end, text.length - 64));
  };
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
    throw new WorkbookRefusal(
      413,
      'too_many_rows',
      `工作簿共有 ${formatCount(inspection.rows)} 行，超过上限 ${formatCount(limits.rows)} 行。${split}`,
    );
  }
  if (inspection.merges > limits.merges) {
    throw new WorkbookRefusal(
      413,
      'too_many_merges',
      `工作簿有 ${formatCount(inspection.merges)} 处合并单元格，超过上限 ${formatCount(limits.merges)} 处。请取消数据区的合并单元格后再上传`,
    );
  }
  if (inspection.sharedStrings > limits.sharedStrings) {
    throw new WorkbookRefusal(
      413,
      'too_many_strings',
      `工作簿含有 ${formatCount(inspection.sharedStrings)} 条共享文本，超过上限 ${formatCount(limits.sharedStrings)} 条，不像是普通的台账文件。` +
        '请在 Excel 或 WPS 中把台账复制到新工作簿、保存后再上传',
    );
  }
  if (inspection.styles > limits.styles) {
    throw new WorkbookRefusal(
      413,
      'too_many_styles',
      `工作簿含有 ${formatCount(inspection.styles)} 种单元格格式，超过上限 ${formatCount(limits.styles)} 种（Excel 本身最多 64,000 种）。` +
        '请在 Excel 或 WPS 中把台账复制到新工作簿、保存后再上传',
    );
  }
  if (inspection.cells > limits.cells) {
    throw new WorkbookRefusal(
      413,
      'too_many_cells',
      `工作簿共有 ${formatCount(inspection.cells)} 个单元格，超过上限 ${formatCount(limits.cells)} 个。${split}`,
    );
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
  return new WorkbookRefusal(
    400,
    'corrupt_xlsx',
    `文件不完整或已损坏（可能在下载、复制或上传时被截断），无法作为 Excel 工作簿读取。${SAVE_AS}`,
  );
}
