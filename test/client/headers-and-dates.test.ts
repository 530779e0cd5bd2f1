// The shared client's readers of what the service sends beside a file, and its Excel dates.

import assert from 'node:assert/strict';
import { readAnnotationSummary } from '../../client/annotation-summary.ts';
import { fileNameOf } from '../../client/content-disposition.ts';
import { civilDateToSerial, shownDate } from '../../client/excel-dates.ts';

describe('the shared client', () => {
  it('reads the file name the service gives a download, with a fallback when there is none', () => {
    const sent = `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent('10月台账（已标注）.xlsx')}`;
    assert.equal(fileNameOf(sent, '台账.xlsx'), '10月台账（已标注）.xlsx');
    assert.equal(fileNameOf('attachment; filename="ledger.xlsx"', '台账.xlsx'), '台账.xlsx');
    assert.equal(fileNameOf(null, '台账.xlsx'), '台账.xlsx');
    assert.equal(fileNameOf("attachment; filename*=UTF-8''%E0%A4%A", '台账.xlsx'), '台账.xlsx');
  });

  it('reads the annotation summary header, and an empty summary from a missing or broken one', () => {
    const summary = { asOf: '2026-10-05', sheets: [], truncated: true };
    assert.deepEqual(readAnnotationSummary(encodeURIComponent(JSON.stringify(summary))), summary);
    assert.deepEqual(readAnnotationSummary(null), { asOf: '', sheets: [] });
    assert.deepEqual(readAnnotationSummary('%7Bnot json'), { asOf: '', sheets: [] });
  });

  it('shows a date stored as an Excel serial as YYYY-MM-DD, the inverse of writing one', () => {
    assert.equal(shownDate(46328), '2026-11-02');
    assert.equal(shownDate(civilDateToSerial('2026-03-12')), '2026-03-12');
    assert.equal(shownDate(46328.75), '2026-11-02');
    assert.equal(shownDate('2026-11-03'), '2026-11-03');
    assert.equal(shownDate(null), '');
  });
});
