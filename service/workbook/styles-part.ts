// The cell formats an annotation adds to a clerk's xl/styles.xml: the system columns' few styles
// (styles.ts) and the fills of its conditional formats. Every format the workbook has keeps its
// index, so no cell of the clerk's changes; an entry equal to one already there is reused, so a
// workbook annotated again does not grow. The fonts are the workbook's own default font in bold
// or colour, so the system columns read in the clerk's typeface.

import type { Borders, Fill, Font, Style } from 'exceljs';
import {
  applyEdits,
  childElements,
  contentOf,
  insertionPoint,
  localName,
  rootElement,
  withAttributes,
  type XmlEdit,
  type XmlElement,
} from './xml-elements.ts';
import { CellStyles } from './xlsx-styles.ts';
import { xmlText } from './xml-text.ts';

type List = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';

/** The children of styleSheet in the schema's order (ECMA-376 §18.8.39). */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const LISTS: List[] = ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'];
/** Number formats Excel knows by id (ECMA-376 §18.8.30), as the system columns use them. */
const BUILT_IN_FORMATS = new Map([
  ['0', 1],
  ['@', 49],
]);
const FIRST_CUSTOM_FORMAT = 164;

interface StyleList {
  element: XmlElement | null;
  entries: string[];
  /** Entries there before: only what comes after them is new. */
  kept: number;
}

export class WorkbookStyles {
  private readonly lists: Record<List, StyleList>;
  private readonly prefix: string;
  private readonly ids = new Map<Partial<Style>, number>();
  private readonly xml: string;
  /** The children of styleSheet, and where its content ends. */
  private readonly children: XmlElement[];
  private readonly end: number;

  /** `xml` is the workbook's styles part, or undefined when it has none (a minimal one is made). */
  constructor(xml: string | undefined) {
    this.xml = xml ?? new CellStyles().xml();
    const root = rootElement(this.xml);
    this.prefix = root && root.name.includes(':') ? `${root.name.split(':')[0]}:` : '';
    const { from, to } = root ? contentOf(root) : { from: 0, to: 0 };
    this.children = childElements(this.xml, from, to);
    this.end = to;
    this.lists = {} as Record<List, StyleList>;
    for (const list of LISTS) {
      const element = this.children.find((child) => localName(child.name) === list) ?? null;
      const entries = element
        ? childElements(this.xml, contentOf(element).from, contentOf(element).to).map((e) => this.xml.slice(e.start, e.end))
        : [];
      this.lists[list] = { element, entries, kept: entries.length };
    }
  }

  /** The s="…" of a system cell with this style: one of the shared objects of styles.ts, looked up by identity. */
  cellStyle(style: Partial<Style>): number {
    let id = this.ids.get(style);
    if (id === undefined) {
      id = this.add('cellXfs', this.xfXml(style));
      this.ids.set(style, id);
    }
    return id;
  }

  /** The dxfId of a conditional format's solid fill. */
  conditionalFill(fill: Fill): number {
    const colour = fill.type === 'pattern' ? fill.bgColor?.argb : undefined;
    const p = this.prefix;
    return this.add(
      'dxfs',
      `<${p}dxf><${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${colour}"/></${p}patternFill></${p}fill></${p}dxf>`,
    );
  }

  /** The styles part with what was added. */
  toXml(): string {
    const edits: XmlEdit[] = [];
    for (const name of LISTS) {
      const list = this.lists[name];
      if (list.entries.length === list.kept) continue;
      const open = list.element ? this.xml.slice(list.element.start, list.element.openEnd).replace(/\/>$/, '>') : `<${this.prefix}${name}>`;
      const text = `${withAttributes(open, { count: String(list.entries.length) })}${list.entries.join('')}</${this.prefix}${name}>`;
      if (list.element) edits.push({ start: list.element.start, end: list.element.end, text });
      else {
        const at = insertionPoint(this.children, name, ORDER, this.end);
        edits.push({ start: at, end: at, text });
      }
    }
    return applyEdits(this.xml, edits);
  }

  private add(list: List, xml: string): number {
    const { entries } = this.lists[list];
    const found = entries.indexOf(xml);
    return found >= 0 ? found : entries.push(xml) - 1;
  }

  private xfXml(style: Partial<Style>): string {
    const p = this.prefix;
    const applied: string[] = [];
    const numFmtId = style.numFmt === undefined ? 0 : this.formatId(style.numFmt);
    if (style.numFmt !== undefined) applied.push('applyNumberFormat="1"');
    const fontId = style.font ? this.add('fonts', this.fontXml(style.font)) : 0;
    if (style.font) applied.push('applyFont="1"');
    const fill = style.fill?.type === 'pattern' ? style.fill.fgColor?.argb : undefined;
    const fillId = fill
      ? this.add(
          'fills',
          `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${fill}"/><${p}bgColor indexed="64"/>` +
            `</${p}patternFill></${p}fill>`,
        )
      : 0;
    if (fill) applied.push('applyFill="1"');
    const borderId = style.border ? this.add('borders', this.borderXml(style.border)) : 0;
    if (style.border) applied.push('applyBorder="1"');
    const ids = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    const { horizontal, vertical, wrapText } = style.alignment ?? {};
    if (!style.alignment) return `<${p}xf ${[ids, ...applied].join(' ')}/>`;
    const alignment = [horizontal && `horizontal="${horizontal}"`, vertical && `vertical="${vertical}"`, wrapText && 'wrapText="1"']
      .filter(Boolean)
      .join(' ');
    return `<${p}xf ${[ids, ...applied, 'applyAlignment="1"'].join(' ')}><${p}alignment ${alignment}/></${p}xf>`;
  }

  /** The workbook's default font (the first), in bold and the colour asked for. */
  private fontXml(font: Partial<Font>): string {
    const p = this.prefix;
    const base = this.lists.fonts.entries[0] ?? `<${p}font/>`;
    const inner = base.endsWith('/>') ? '' : base.slice(base.indexOf('>') + 1, base.lastIndexOf('<'));
    const rest = inner.replace(new RegExp(`<${p}(?:b|color)\\b[^>]*?(?:/>|>[^<]*</${p}(?:b|color)>)`, 'g'), '');
    const bold = font.bold ? `<${p}b/>` : '';
    const colour = font.color?.argb ? `<${p}color rgb="${font.color.argb}"/>` : '';
    return `<${p}font>${bold}${colour}${rest}</${p}font>`;
  }

  private borderXml(border: Partial<Borders>): string {
    const p = this.prefix;
    const side = (name: 'left' | 'right' | 'top' | 'bottom') => {
      const edge = border[name];
      if (!edge?.style) return `<${p}${name}/>`;
      const colour = edge.color?.argb ? `<${p}color rgb="${edge.color.argb}"/>` : '';
      return `<${p}${name} style="${edge.style}">${colour}</${p}${name}>`;
    };
    return `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`;
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS.get(code);
    if (builtIn !== undefined) return builtIn;
    const entries = this.lists.numFmts.entries;
    const ids = entries.map((entry) => Number(/numFmtId="(\d+)"/.exec(entry)?.[1] ?? 0));
    const same = entries.findIndex((entry) => /formatCode="([^"]*)"/.exec(entry)?.[1] === xmlText(code));
    if (same >= 0) return ids[same];
    const id = Math.max(FIRST_CUSTOM_FORMAT - 1, ...ids) + 1;
    entries.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`);
    return id;
  }
}
