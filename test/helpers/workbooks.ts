// Workbooks as clerks make them, and the means to send them to the service and read them back.

import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { columnLetters } from '../../addin/sheet/addresses.ts';
import type { AnnotationSummary } from '../../service/workbook/annotate.ts';
import type { ReadSheet } from '../../service/workbook/sheet-reading.ts';
import { openWorkbook, readWorkbookSheet } from '../../service/workbook/workbook-reading.ts';
import type { TestService } from './service.ts';
import { ADMIN_TOKEN, AS_OF } from './service.ts';

export async function loadWorkbook(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook;
}

export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface Annotated {
  status: number;
  text: string;
  /** The parsed error body, when the answer is JSON. */
  body: any;
  file: Buffer;
  summary: AnnotationSummary | null;
  filename: string | null;
}

/** POST /api/workbooks/annotate as the web page sends it: multipart, field `file`. */
export async function annotate(
  service: TestService,
  file: Buffer,
  options: { token?: string; asOf?: string; filename?: string; field?: string } = {},
): Promise<Annotated> {
  const form = new FormData();
  form.append(options.field ?? 'file', new Blob([new Uint8Array(file)]), options.filename ?? '台账.xlsx');
  const response = await fetch(`${service.url}/api/workbooks/annotate?asOf=${options.asOf ?? AS_OF}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${options.token ?? ADMIN_TOKEN}` },
    body: form,
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = response.headers.get('content-type')?.includes('json') ? bytes.toString('utf8') : '';
  assert.notEqual(response.status, 500, text);
  const summary = response.headers.get('x-annotation-summary');
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  return {
    status: response.status,
    text,
    body: text ? JSON.parse(text) : undefined,
    file: bytes,
    summary: summary ? (JSON.parse(decodeURIComponent(summary)) as AnnotationSummary) : null,
    filename: filename ? decodeURIComponent(filename) : null,
  };
}

/** An annotated workbook: 200, and the workbook read back. */
export async function annotatedWorkbook(reply: Annotated): Promise<ExcelJS.Workbook> {
  assert.equal(reply.status, 200, reply.text);
  return loadWorkbook(reply.file);
}

export const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

/** Column number of each header text in a sheet's header row. */
export function columnsByHeader(sheet: ExcelJS.Worksheet, headerRow: number): Map<string, number> {
  const columns = new Map<string, number>();
  sheet.getRow(headerRow).eachCell((cell, column) => {
    if (typeof cell.value === 'string') columns.set(cell.value, column);
  });
  return columns;
}

/** The cell under a header. */
export function cellUnder(sheet: ExcelJS.Worksheet, headerRow: number, header: string, row: number): ExcelJS.Cell {
  const column = columnsByHeader(sheet, headerRow).get(header);
  assert.ok(column, `表头中没有「${header}」：${[...columnsByHeader(sheet, headerRow).keys()].join('、')}`);
  return sheet.getRow(row).getCell(column);
}

export function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note;
  if (note === undefined) return '';
  return typeof note === 'string' ? note : (note.texts ?? []).map((run) => run.text).join('');
}

/** Everything of a cell a clerk could notice: value, formula, style, note. */
export function cellFacts(cell: ExcelJS.Cell) {
  return { value: cell.value, style: JSON.stringify(cell.style ?? {}), note: cell.note === undefined ? null : noteText(cell) };
}

/**
 * The workbook with `marker` in its shared strings replaced by `escaped`, an OOXML string escape
 * such as _xFFFE_: how Excel itself keeps a character XML cannot hold, and exceljs reads it back.
 */
export async function withEscapedText(file: Buffer, marker: string, escaped: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
  assert.ok(strings.includes(marker));
  zip.file('xl/sharedStrings.xml', strings.replaceAll(marker, escaped));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The XML parts of a workbook that are not well-formed XML, with the parser's complaint. */
export async function invalidXmlParts(file: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(file);
  const invalid: string[] = [];
  for (const name of Object.keys(zip.files).filter((name) => /\.(xml|vml|rels)$/.test(name))) {
    const verdict = XMLValidator.validate(await zip.file(name)!.async('string'));
    if (verdict !== true) invalid.push(`${name}: ${verdict.err.msg}`);
  }
  return invalid;
}

// ---- Zips built by hand (bombs, lies, truncations) --------------------------------------------

export interface ZipPart {
  name: string;
  data: Buffer | string;
  /** Deflate the data (default) or store it. */
  stored?: boolean;
  /** The uncompressed size written in the zip's records, when it should lie. */
  declaredSize?: number;
}

/** A zip file with the given parts; sizes in the records may lie, CRCs are left zero. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data;
    const data = part.stored ? raw : deflateRawSync(raw);
    const name = Buffer.from(part.name, 'utf8');
    const size = part.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(part.stored ? 0 : 8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(part.stored ? 0 : 8, 10);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    directory.push(entry, name);
    offset += 30 + name.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

/** The smallest parts that make a zip look like a workbook, plus one sheet's XML. */
export function workbookZip(sheetXml: string, extra: ZipPart[] = []): Buffer {
  return zipOf([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    { name: 'xl/workbook.xml', data: '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>' },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
    ...extra,
  ]);
}

/** A sheet of `rows` rows with `columns` numbers each, as a million-row export would be. */
export function sheetXmlWithRows(rows: number, columns = 1): string {
  const parts = ['<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  const cells = (row: number) =>
    Array.from({ length: columns }, (_, column) => `<c r="${columnLetters(column)}${row}"><v>${row}</v></c>`).join('');
  for (let row = 1; row <= rows; row++) parts.push(`<row r="${row}">${cells(row)}</row>`);
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

// ---- A clerk's workbook ----------------------------------------------------------------------

export const CLERK_SHEET = '2026年10月';
export const CLERK_HEADER_ROW = 4;
/** The clerk's columns: their own 序号, 备注 and a formula column around the ledger's, in their words. */
export const CLERK_HEADERS = [
  '序号',
  '执行案号',
  '立案时间',
  '接待日期',
  '申请执行人',
  '被执行人',
  '执行标的额（元）',
  '案件标签',
  '送达日期',
  '流转日期',
  '分案日期',
  '承办人',
  '备注',
  '标的额（万元）',
];
/** Sheet rows of the cases and what each should come back as, as of AS_OF (2026-10-05). */
export const CLERK_ROWS = {
  /** The hand-checked case of the sync tests: initial reception never recorded, 11 days overdue. */
  overdue: 5,
  /** Filed today, reception due today. */
  dueSoon: 6,
  /** Numbered in advance, a lookup formula dragged down into it, nothing else filled in. */
  blank: 7,
  /** Filing date 2026-02-30 and a negative amount. */
  invalid: 8,
  /** Every node so far done, closing due 2026-11-30. */
  onTrack: 9,
  /** The respondent is a lookup formula that came out #N/A. */
  lookupError: 10,
  total: 11,
  signature: 12,
} as const;

/**
 * A workbook as a clerk keeps it: a merged title, a line of notes and a blank row above the header,
 * header variants and columns of their own, rich text, a hyperlink, formulas, a blank row, a total
 * and a signature line below; their own fills, notes, validation and conditional format; and two
 * more sheets, one with formulas over the ledger.
 */
export async function clerkWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(CLERK_SHEET, { views: [{ state: 'frozen', ySplit: CLERK_HEADER_ROW, xSplit: 2 }] });
  sheet.getCell('A1').value = '2026年执行案件流转台账（执行事务中心）';
  sheet.getCell('A1').style = { font: { bold: true, size: 16 }, alignment: { horizontal: 'center' } };
  sheet.mergeCells('A1:N1');
  sheet.getRow(1).height = 30;
  sheet.getCell('A2').value = '填报单位：执行事务中心';
  sheet.getCell('L2').value = '截至 2026-10-05';
  const header = sheet.getRow(CLERK_HEADER_ROW);
  header.values = CLERK_HEADERS;
  header.eachCell(
    (cell) =>
      (cell.style = {
        font: { bold: true },
        fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } },
        border: { bottom: { style: 'thin' } },
      }),
  );
  CLERK_HEADERS.forEach((text, index) => (sheet.getColumn(index + 1).width = 8 + text.length * 2));

  const date = (cell: string, value: Date) => {
    sheet.getCell(cell).value = value;
    sheet.getCell(cell).numFmt = 'yyyy/m/d';
  };

  // 5: overdue
  sheet.getRow(5).values = [
    1,
    '（2026）豫0102执1234号',
    null,
    null,
    '某银行股份有限公司',
    { richText: [{ text: '张', font: { bold: true } }, { text: '三' }] },
    50000,
    null,
    null,
    null,
    null,
    '李法官',
    '已约谈',
  ];
  date('C5', utc(2026, 9, 24));
  date('J5', utc(2026, 9, 28));
  date('K5', utc(2026, 9, 28));
  sheet.getCell('G5').numFmt = '#,##0.00';
  sheet.getCell('M5').note = '约谈记录见卷宗';
  sheet.getCell('N5').value = { formula: 'G5/10000', result: 5 };
  // 6: due soon
  sheet.getRow(6).values = [2, '(2026)豫0102执1235号', '2026年10月5日', null, '某商贸有限公司', '王五', '5万'];
  sheet.getCell('N6').value = { formula: 'IFERROR(G6/10000,"")', result: '' };
  // 7: a row the clerk numbered and formatted in advance, nothing filled in yet
  for (let column = 1; column <= CLERK_HEADERS.length; column++) sheet.getCell(7, column).border = { bottom: { style: 'dotted' } };
  sheet.getCell('A7').value = 3;
  sheet.getCell('F7').value = { formula: 'VLOOKUP(B7,说明!A:B,2,FALSE)', result: { error: '#N/A' } };
  // 8: invalid
  sheet.getRow(8).values = [4, '（2026）豫0102执1236号', '2026-02-30', null, null, '赵六', '-100'];
  sheet.getCell('C8').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  sheet.getCell('C8').note = '待核实';
  // 9: on track
  sheet.getRow(9).values = [
    5,
    '（2026）豫0102执1237号',
    null,
    null,
    '招商银行',
    { text: '孙七', hyperlink: 'https://example.org/sun' },
    { formula: '1000*30', result: 30000 },
    '信用卡',
    null,
    null,
    null,
    '周法官',
  ];
  for (const cell of ['C9', 'D9']) date(cell, utc(2026, 9, 30));
  for (const cell of ['I9', 'J9', 'K9']) date(cell, utc(2026, 10, 1));
  // 10: lookup error
  sheet.getRow(10).values = [
    6,
    '（2026）豫0102执1238号',
    null,
    null,
    null,
    { formula: 'VLOOKUP(B10,说明!A:B,2,FALSE)', result: { error: '#N/A' } },
  ];
  date('C10', utc(2026, 9, 29));
  // 11: total, 12: signature
  sheet.getRow(11).values = ['合计', null, null, null, null, null, { formula: 'SUM(G5:G10)', result: 80000 }];
  sheet.getCell('A12').value = '制表人：张三　　审核人：李四';
  sheet.mergeCells('A12:F12');

  sheet.autoFilter = `A${CLERK_HEADER_ROW}:N${CLERK_HEADER_ROW}`;
  (sheet as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations.add('L5:L200', {
    type: 'list',
    allowBlank: true,
    formulae: ['"李法官,周法官,吴法官"'],
  });
  sheet.addConditionalFormatting({
    ref: 'G5:G200',
    rules: [
      {
        type: 'cellIs',
        operator: 'greaterThan',
        priority: 1,
        formulae: ['100000'],
        style: { font: { bold: true, color: { argb: 'FFC00000' } } },
      },
    ],
  });

  const stats = workbook.addWorksheet('统计');
  stats.getCell('A1').value = '本月统计';
  stats.mergeCells('A1:B1');
  stats.getCell('A2').value = '案件数';
  stats.getCell('B2').value = { formula: `COUNTA('${CLERK_SHEET}'!B5:B10)`, result: 5 };
  stats.getCell('A3').value = '标的总额';
  stats.getCell('B3').value = { formula: `'${CLERK_SHEET}'!G11`, result: 80000 };
  stats.getCell('B3').numFmt = '¥#,##0';
  stats.getColumn(1).width = 14;

  const notes = workbook.addWorksheet('说明');
  notes.getCell('A1').value = '填表说明';
  notes.getCell('A2').value = '案号按（年份）法院代字执字第号填写';
  return saveWorkbook(workbook);
}

// ---- Crafted workbooks: tiny files that take a reader's time and memory ----------------------

/** A workbook whose one sheet has the cases ledger's header (案号, 立案日期, 被执行人) in shared strings. */
function craftedWorkbook(extra: ZipPart[], sharedStrings: Buffer): Buffer {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rels = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const header = [0, 1, 2].map((index) => `<c r="${'ABC'[index]}1" t="s"><v>${index}</v></c>`).join('');
  return zipOf([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook ${ns} ${rels}><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `<?xml version="1.0"?><worksheet ${ns}><sheetData><row r="1">${header}</row></sheetData></worksheet>`,
    },
    { name: 'xl/sharedStrings.xml', data: sharedStrings },
    ...extra,
  ]);
}

/** `count` copies of `unit` between a head and a tail, filled natively (no string of that size is built). */
function repeated(head: string, unit: string, count: number, tail: string): Buffer {
  const start = Buffer.from(head);
  const end = Buffer.from(tail);
  const bytes = Buffer.alloc(start.length + unit.length * count + end.length);
  start.copy(bytes);
  bytes.fill(unit, start.length, start.length + unit.length * count);
  end.copy(bytes, bytes.length - end.length);
  return bytes;
}

const HEADER_STRINGS = '<si><t>案号</t></si><si><t>立案日期</t></si><si><t>被执行人</t></si>';

/** About 10.5 million tiny shared strings after a ledger's header: a few hundred KB zipped. */
export function sharedStringsBomb(count = 10_500_000): Buffer {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return craftedWorkbook([], repeated(`<?xml version="1.0"?><sst ${ns}>${HEADER_STRINGS}`, '<si><t>a</t></si>', count, '</sst>'));
}

/** About 2.8 million cell formats in styles.xml: a few hundred KB zipped. */
export function stylesBomb(count = 2_800_000): Buffer {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const styles = repeated(
    `<?xml version="1.0"?><styleSheet ${ns}><cellXfs count="${count}">`,
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>',
    count,
    '</cellXfs></styleSheet>',
  );
  return craftedWorkbook([{ name: 'xl/styles.xml', data: styles }], Buffer.from(`<?xml version="1.0"?><sst ${ns}>${HEADER_STRINGS}</sst>`));
}

/** A sheet as the service reads it: its workbook saved by exceljs and the sheet read back from the file. */
export async function readBack(sheet: ExcelJS.Worksheet): Promise<ReadSheet> {
  const opened = await openWorkbook(await saveWorkbook(sheet.workbook));
  const entry = opened.sheets.find((candidate) => candidate.name === sheet.name);
  assert.ok(entry, `工作表「${sheet.name}」没有写进文件`);
  return readWorkbookSheet(opened, entry);
}
