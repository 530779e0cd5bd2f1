// The VML drawing Excel shows a sheet's notes with (xl/drawings/vmlDrawingN.vml): a shape per note,
// anchored at its cell. The shapes of notes that stay are kept as they were (a note the clerk made
// visible or moved stays so), a shape goes with its note, and a new note gets a hidden box beside
// its cell, as Excel makes one.

import { columnLetters } from '../../addin/sheet/addresses.ts';
import { cellOf } from './notes-part.ts';
import { applyEdits, childElements, contentOf, localName, rootElement, type XmlEdit } from './xml-elements.ts';

const NAMESPACES =
  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
  'xmlns:x="urn:schemas-microsoft-com:office:excel"';
const NOTE_BOX_TYPE = '_x0000_t202';
const SHAPE_TYPE =
  `<v:shapetype id="${NOTE_BOX_TYPE}" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';
/** Shape ids of a drawing come in blocks of 1,024 named by its idmap. */
const SHAPES_PER_BLOCK = 1024;

/**
 * The drawing for the notes at `refs`: `existing` changed, or a new one whose shape ids start in
 * block `block` (unique among the workbook's drawings).
 */
export function noteDrawing(existing: string | undefined, refs: readonly string[], block: number): string {
  const wanted = new Set(refs);
  const root = existing === undefined ? undefined : rootElement(existing);
  if (!existing || !root) {
    const shapes = refs.map((ref, index) => noteShape(block * SHAPES_PER_BLOCK + 1 + index, ref));
    return (
      `<xml ${NAMESPACES}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
      `${SHAPE_TYPE}${shapes.join('')}</xml>`
    );
  }
  const { from, to } = contentOf(root);
  const edits: XmlEdit[] = [];
  const drawn = new Set<string>();
  let lastId = block * SHAPES_PER_BLOCK;
  let hasType = false;
  for (const child of childElements(existing, from, to)) {
    const xml = existing.slice(child.start, child.end);
    if (localName(child.name) === 'shapetype' && xml.includes(`id="${NOTE_BOX_TYPE}"`)) hasType = true;
    if (localName(child.name) !== 'shape') continue;
    lastId = Math.max(lastId, Number(/\bid="_x0000_s(\d+)"/.exec(xml)?.[1] ?? 0));
    const ref = noteRef(xml);
    if (ref === null) continue;
    if (wanted.has(ref) && !drawn.has(ref)) drawn.add(ref);
    else edits.push({ start: child.start, end: child.end, text: '' });
  }
  const added = refs.filter((ref) => !drawn.has(ref)).map((ref) => noteShape(++lastId, ref));
  edits.push({ start: to, end: to, text: (hasType ? '' : SHAPE_TYPE) + added.join('') });
  return applyEdits(existing, edits);
}

/** The cell of a note's shape, from its client data (0-based row and column); null for other shapes. */
function noteRef(shape: string): string | null {
  if (!/<x:ClientData\b[^>]*ObjectType="Note"/.test(shape)) return null;
  const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape)?.[1];
  const column = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape)?.[1];
  if (row === undefined || column === undefined) return null;
  return `${columnLetters(Number(column))}${Number(row) + 1}`;
}

/** A hidden note box, two columns wide and four rows high, right of its cell. */
function noteShape(id: number, ref: string): string {
  const [row, column] = cellOf(ref);
  const [r, c] = [row - 1, column - 1];
  return (
    `<v:shape id="_x0000_s${id}" type="#${NOTE_BOX_TYPE}" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;` +
    'width:180pt;height:80pt;z-index:1;visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto">' +
    '<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></v:textbox>' +
    '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>' +
    `<x:Anchor>${c + 1}, 15, ${r}, 2, ${c + 4}, 15, ${r + 5}, 2</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`
  );
}
