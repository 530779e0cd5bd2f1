// The cell formats of an xlsx we write ourselves (xl/styles.xml): each distinct combination of
// number format, font, fill, border and alignment becomes one entry of cellXfs, and a cell names
// its entry by index (s="…"). A sheet uses a handful of them, so a writer asks for each id once and
// then writes the number into every cell.

import { xmlText } from './xml-text.ts';

export interface CellStyle {
  /** An Excel number format ('@', '0', '#,##0.00', …). */
  numFmt?: string;
  font?: { bold?: boolean; size?: number };
  /** A solid fill, as ARGB ('FFD9E1F2'). */
  fill?: string;
  /** Thin borders on all four sides. */
  ruled?: boolean;
  horizontal?: 'center';
}

/** Formats Excel knows by number (ECMA-376 §18.8.30): written by id, as Excel itself writes them. */
const BUILT_IN_FORMATS = new Map([
  ['0', 1],
  ['0.00', 2],
  ['#,##0', 3],
  ['#,##0.00', 4],
  ['0%', 9],
  ['0.00%', 10],
  ['@', 49],
]);
/** Ids below this are Excel's; a workbook's own formats are numbered from here. */
const FIRST_CUSTOM_FORMAT = 164;

const DEFAULT_FONT = '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>';
/** The first two fills are reserved by Excel (none and gray125) whatever a workbook's own fills are. */
const RESERVED_FILLS = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
const NO_BORDER = '<border><left/><right/><top/><bottom/><diagonal/></border>';
const THIN_BORDER = '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>';

/** The index of `xml` in `list`, added at the end when it is new. */
function indexIn(list: string[], xml: string): number {
  const found = list.indexOf(xml);
  return found >= 0 ? found : list.push(xml) - 1;
}

export class CellStyles {
  private readonly fonts = [DEFAULT_FONT];
  private readonly fills = [...RESERVED_FILLS];
  private readonly borders = [NO_BORDER];
  private readonly formats: string[] = [];
  /** cellXfs; entry 0 is the default every unstyled cell has. */
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  /** The s="…" of cells with the style. */
  id(style: CellStyle): number {
    const applied: string[] = [];
    const numFmtId = style.numFmt === undefined ? 0 : this.formatId(style.numFmt);
    if (style.numFmt !== undefined) applied.push('applyNumberFormat="1"');
    const fontId = style.font ? indexIn(this.fonts, fontXml(style.font)) : 0;
    if (style.font) applied.push('applyFont="1"');
    const fillId = style.fill
      ? indexIn(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${style.fill}"/></patternFill></fill>`)
      : 0;
    if (style.fill) applied.push('applyFill="1"');
    const borderId = style.ruled ? indexIn(this.borders, THIN_BORDER) : 0;
    if (style.ruled) applied.push('applyBorder="1"');
    const ids = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    const xf = style.horizontal
      ? `<xf ${ids} ${[...applied, 'applyAlignment="1"'].join(' ')}><alignment horizontal="${style.horizontal}"/></xf>`
      : `<xf ${[ids, ...applied].join(' ')}/>`;
    return indexIn(this.xfs, xf);
  }

  /** xl/styles.xml with every style asked for. */
  xml(): string {
    const list = (name: string, items: string[]) => `<${name} count="${items.length}">${items.join('')}</${name}>`;
    const formats = this.formats.map((code, index) => `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT + index}" formatCode="${xmlText(code)}"/>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (formats.length > 0 ? list('numFmts', formats) : '') +
      list('fonts', this.fonts) +
      list('fills', this.fills) +
      list('borders', this.borders) +
      list('cellStyleXfs', ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']) +
      list('cellXfs', this.xfs) +
      list('cellStyles', ['<cellStyle name="Normal" xfId="0" builtinId="0"/>']) +
      '</styleSheet>'
    );
  }

  private formatId(code: string): number {
    return BUILT_IN_FORMATS.get(code) ?? FIRST_CUSTOM_FORMAT + indexIn(this.formats, code);
  }
}

/** A font that differs from the default in weight or size; the rest (face, colour) is left to the default. */
function fontXml(font: NonNullable<CellStyle['font']>): string {
  return `<font>${font.bold ? '<b/>' : ''}${font.size === undefined ? '' : `<sz val="${font.size}"/>`}</font>`;
}
