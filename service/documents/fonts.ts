// The faces of a Chinese official document (GB/T 9704): 方正小标宋简体 for the title and the 版头,
// 仿宋_GB2312 for the body, 黑体 and 楷体_GB2312 for the headings. A run names one face; a computer
// without it (most without the 方正 and _GB2312 files) takes the font table's alternate name and
// the GB2312 character set, so each face names the one most Chinese systems have as `altName`, and
// that one names the next in turn (仿宋_GB2312 → 仿宋 → FangSong → STFangsong).

import JSZip from 'jszip';

export const FACES = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  /** Page numbers: GB/T 9704 sets them in 宋体 4号. */
  pageNumber: '宋体',
} as const;

/** Each face and what stands in for it, in order of preference (the first is the face itself). */
export const FALLBACKS: readonly (readonly string[])[] = [
  [FACES.title, '方正小标宋_GBK', '华文中宋', 'STZhongsong', '宋体', 'SimSun'],
  [FACES.body, '仿宋', 'FangSong', 'STFangsong'],
  [FACES.heading1, 'SimHei', 'STHeiti'],
  [FACES.heading2, '楷体', 'KaiTi', 'STKaiti'],
  [FACES.pageNumber, 'SimSun'],
];

/** Font sizes (号) in half-points, as Word counts them: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小4号 12 pt, 5号 10.5 pt. */
export const SIZE = { no2: 44, no3: 32, no4: 28, small4: 24, no5: 21 } as const;

/** A run's fonts: the east-Asian face, and Times New Roman for Latin letters and figures. */
export function runFont(face: string): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  return { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: face, cs: face };
}

function fontEntry(name: string, altName: string | undefined): string {
  const alt = altName ? `<w:altName w:val="${altName}"/>` : '';
  return `<w:font w:name="${name}">${alt}<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`;
}

/** word/fontTable.xml naming every face with its chain of alternates (docx writes a table only for embedded fonts). */
export function fontTableXml(): string {
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const chain of FALLBACKS) {
    chain.forEach((name, index) => {
      if (seen.has(name)) return;
      seen.add(name);
      entries.push(fontEntry(name, chain[index + 1]));
    });
  }
  entries.push('<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries.join('') +
    '</w:fonts>'
  );
}

/** The packed document with its font table replaced by ours. */
export async function withFontTable(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  if (!zip.file('word/fontTable.xml')) throw new Error('the packed document has no word/fontTable.xml');
  zip.file('word/fontTable.xml', fontTableXml());
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
