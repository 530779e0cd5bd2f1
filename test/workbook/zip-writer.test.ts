// The zip container our xlsx writer makes: read back by JSZip with its CRCs checked, names in
// UTF-8, parts of any size (an empty one included) as they went in.

import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { zipArchive } from '../../service/workbook/zip-writer.ts';

describe('zip archive of deflated parts', () => {
  const parts = [
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'xl/周通报.xml', data: Buffer.from('周通报 '.repeat(50_000)) },
    { name: 'empty.txt', data: Buffer.alloc(0) },
  ];

  for (const level of [1, 9]) {
    it(`holds every part as it went in, its CRC checked (level ${level})`, async () => {
      const zip = await JSZip.loadAsync(zipArchive(parts, level), { checkCRC32: true });
      assert.deepEqual(
        Object.keys(zip.files),
        parts.map((part) => part.name),
      );
      for (const part of parts) assert.deepEqual(await zip.file(part.name)?.async('nodebuffer'), part.data, part.name);
    });
  }

  it('deflates: a repetitive part takes a small part of its size', () => {
    assert.ok(zipArchive(parts, 1).length < parts[1].data.length / 20);
  });

  it('dates its parts as given', async () => {
    const zip = await JSZip.loadAsync(zipArchive(parts, 1, new Date('2026-12-03T04:05:06Z')));
    const date = zip.file('empty.txt')?.date;
    assert.ok(date);
    // JSZip reads the MS-DOS time as UTC; it has two-second steps.
    assert.equal(date.toISOString(), '2026-12-03T04:05:06.000Z');
  });
});
