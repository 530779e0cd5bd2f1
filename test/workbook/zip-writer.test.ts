// The zip container our xlsx writer makes: read back by JSZip with its CRCs checked, names in
// UTF-8, parts of any size (an empty one, one deflated chunk by chunk) as they went in.

import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { deflatedPart, PartDeflater, zipArchive, type DeflatedPart } from '../../service/workbook/zip-writer.ts';

const SMALL = { name: '[Content_Types].xml', data: Buffer.from('<Types/>') };
const EMPTY = { name: 'empty.txt', data: Buffer.alloc(0) };
const LARGE = { name: 'xl/周通报.xml', data: Buffer.from('周通报 第20期 '.repeat(200_000)) };

/** The large part written in uneven chunks, as SheetXml hands them over. */
async function chunked(level: number): Promise<DeflatedPart> {
  const deflater = new PartDeflater(LARGE.name, level);
  for (let start = 0; start < LARGE.data.length; start += 300_007) deflater.write(LARGE.data.subarray(start, start + 300_007));
  return deflater.end();
}

describe('zip archive of deflated parts', () => {
  for (const level of [1, 9]) {
    it(`holds every part as it went in, its CRC checked (level ${level})`, async () => {
      const parts = [deflatedPart(SMALL.name, SMALL.data, level), deflatedPart(EMPTY.name, EMPTY.data, level), await chunked(level)];
      const zip = await JSZip.loadAsync(zipArchive(parts), { checkCRC32: true });
      assert.deepEqual(Object.keys(zip.files), [SMALL.name, EMPTY.name, LARGE.name]);
      for (const part of [SMALL, EMPTY, LARGE]) assert.deepEqual(await zip.file(part.name)?.async('nodebuffer'), part.data, part.name);
    });
  }

  it('deflates: a repetitive part takes a small part of its size', async () => {
    assert.ok((await chunked(1)).deflated.length < LARGE.data.length / 20);
  });

  it('dates its parts as given', async () => {
    const zip = await JSZip.loadAsync(zipArchive([deflatedPart(EMPTY.name, EMPTY.data, 1)], new Date('2026-12-03T04:05:06Z')));
    const date = zip.file(EMPTY.name)?.date;
    assert.ok(date);
    // JSZip reads the MS-DOS time as UTC; it has two-second steps.
    assert.equal(date.toISOString(), '2026-12-03T04:05:06.000Z');
  });
});
