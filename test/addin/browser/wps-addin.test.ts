// The WPS 加载项 as WPS 表格 loads it: ribbon.xml from the add-in's address, whose every callback is
// a function of the entry page; 打开助手 and 周通报 open one task pane; 同步本表 syncs from the
// ribbon; the pane outside WPS 表格 says so; the install page and publish.xml carry PUBLIC_URL.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { localAddress } from '../../../addin/sheet/addresses.ts';
import { publishLine } from '../../../addin/wps/publish.ts';
import { ADMIN_TOKEN, prepareBrowserSuite, startTestService, type TestService } from './harness.ts';
import { casesLedger, storedRows } from './ledger-rows.ts';
import { openWpsPage, type WpsPane } from './wps-harness.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '..', '..', '..', 'test-artifacts');
const PUBLIC_URL = 'https://10.1.2.3:3000';
const CALLBACKS = ['onLoad', 'onAction', 'getImage', 'getEnabled', 'getLabel', 'getVisible', 'getScreentip'];

/** Every callback attribute of the ribbon's elements, with the element's id. */
function callbacksOf(node: unknown, found: Array<{ id: string; attribute: string; name: string }> = []) {
  if (Array.isArray(node)) node.forEach((child) => callbacksOf(child, found));
  else if (node && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    for (const attribute of CALLBACKS) {
      const name = element[`@_${attribute}`];
      if (typeof name === 'string') found.push({ id: String(element['@_id'] ?? 'customUI'), attribute, name });
    }
    for (const [key, child] of Object.entries(element)) if (!key.startsWith('@_')) callbacksOf(child, found);
  }
  return found;
}

describe('WPS 加载项: ribbon, entry page, install page', function () {
  this.timeout(120_000);
  let service: TestService;
  let entry: WpsPane;

  before(async function () {
    prepareBrowserSuite(this);
    service = await startTestService({ PUBLIC_URL });
    entry = await openWpsPage(service.url, { page: 'wps/addin/index.html' });
  });

  after(async () => {
    await entry?.close();
    await service?.close();
  });

  it('serves ribbon.xml with the tab 执行台账 (打开助手, 同步本表, 周通报), every callback a function of the entry page', async () => {
    const response = await fetch(`${service.url}/wps/addin/ribbon.xml`);
    assert.equal(response.status, 200);
    const ribbon = new XMLParser({ ignoreAttributes: false }).parse(await response.text());
    const tab = ribbon.customUI.ribbon.tabs.tab;
    assert.equal(tab['@_label'], '执行台账');
    assert.deepEqual(
      tab.group.button.map((button: Record<string, string>) => button['@_label']),
      ['打开助手', '同步本表', '周通报'],
    );
    const callbacks = callbacksOf(ribbon);
    assert.ok(callbacks.some((callback) => callback.attribute === 'onLoad'));
    assert.equal(callbacks.filter((callback) => callback.attribute === 'onAction').length, 3);
    for (const { id, attribute, name } of callbacks)
      assert.equal(
        await entry.page.evaluate((fn) => typeof (window as unknown as Record<string, unknown>)[fn], name),
        'function',
        `${id} ${attribute}="${name}"`,
      );
  });

  it('gives each button an icon the service serves', async () => {
    for (const id of ['openPane', 'syncSheet', 'weeklyReport']) {
      const image = await entry.page.evaluate(
        (control) => (window as unknown as { GetImage(c: unknown): string }).GetImage({ Id: control }),
        id,
      );
      const response = await fetch(new URL(image, `${service.url}/wps/addin/`));
      assert.equal(response.status, 200, image);
      assert.equal(response.headers.get('content-type'), 'image/png');
    }
  });

  it('opens one task pane for 打开助手 and shows its 周通报 part for 周通报', async () => {
    const action = (id: string) =>
      entry.page.evaluate((control) => (window as unknown as { OnAction(c: unknown): boolean }).OnAction({ Id: control }), id);
    await action('openPane');
    let panes = await entry.host((host) => host.panes());
    assert.equal(panes.length, 1);
    assert.equal(panes[0].url, `${service.url}/wps/addin/taskpane.html`);
    assert.equal(panes[0].Visible, true);
    await action('weeklyReport');
    panes = await entry.host((host) => host.panes());
    assert.equal(panes.length, 1, 'the same pane, not a second one');
    assert.equal(panes[0].url, `${service.url}/wps/addin/taskpane.html?section=report`);
  });

  it('syncs the active sheet from the ribbon with the saved connection and tells of problems in a message box', async () => {
    const messages: string[] = [];
    entry.page.on('dialog', (dialog) => {
      messages.push(dialog.message());
      void dialog.accept();
    });
    const action = () => entry.page.evaluate(() => (window as unknown as { OnAction(c: unknown): boolean }).OnAction({ Id: 'syncSheet' }));
    await action();
    await waitFor(() => messages.length === 1);
    assert.match(messages[0], /请先点「打开助手」/);

    const ledger = await casesLedger(service.url, ADMIN_TOKEN);
    const headers = [
      ...ledger.columns.filter((column) => !column.system).map((column) => column.header),
      '行ID',
      '版本',
      ...ledger.columns.filter((column) => column.system).map((column) => column.header),
    ];
    await entry.hostWith(
      (host, [cells, header, table]) => {
        host.typeCells('Sheet1', header as string, [cells as string[]]);
        host.typeCells('Sheet1', 'A2:C2', [['ABC-17', 46000, '赵六']]);
        host.addTable('Sheet1', table as string, 'Ledger_cases');
      },
      [headers, localAddress(0, 0, 1, headers.length), localAddress(0, 0, 2, headers.length)],
    );
    await entry.page.evaluate((token) => {
      localStorage.setItem('ledger-assistant.connection', JSON.stringify({ baseUrl: window.location.origin, token }));
    }, ADMIN_TOKEN);
    await action();
    await waitFor(() => messages.length === 2);
    assert.match(messages[1], /已同步 1 行。\n1 行有错误/);
    assert.equal((await storedRows(service.url, ADMIN_TOKEN)).length, 1);
    const summary = await entry.page.evaluate(() => localStorage.getItem('ledger-assistant.last-summary'));
    assert.match(summary ?? '', /"rows":1/, 'the summary is left for the pane');
  });

  it('says in a plain browser that the pane works only in WPS 表格, every control disabled', async () => {
    const pane = await openWpsPage(service.url, { et: false });
    try {
      assert.equal(await pane.page.isVisible('#not-excel'), true);
      assert.match((await pane.page.textContent('#not-excel')) ?? '', /只能在 WPS 表格 中使用/);
      assert.equal(await pane.page.isDisabled('#sync'), true);
      assert.equal(await pane.page.isDisabled('#test-connection'), true);
    } finally {
      await pane.close();
    }
  });

  it('serves the install page and publish.xml with PUBLIC_URL filled in', async () => {
    const reply = await fetch(`${service.url}/wps/`);
    assert.match(
      reply.headers.get('content-security-policy') ?? '',
      /connect-src 'self' http:\/\/127\.0\.0\.1:58890;.*frame-ancestors 'none'/,
    );
    const page = await reply.text();
    assert.ok(!page.includes('localhost:3000'), 'no placeholder address is left');
    assert.ok(page.includes(`${PUBLIC_URL}/ca.crt`));
    assert.ok(page.includes('JsApiPlugin=true'));
    assert.ok(page.includes('%APPDATA%\\kingsoft\\wps\\jsaddons'));
    assert.ok(page.includes('~/.local/share/Kingsoft/wps/jsaddons'));
    assert.ok(page.includes('update-ca-certificates'));
    const publish = await fetch(`${service.url}/wps/publish.xml`);
    assert.equal(publish.headers.get('content-type'), 'application/xml; charset=utf-8');
    const xml = await publish.text();
    assert.ok(xml.includes(publishLine(PUBLIC_URL)), xml);
    assert.equal(new XMLParser({ ignoreAttributes: false }).parse(xml).jsplugins.jspluginonline['@_url'], `${PUBLIC_URL}/wps/addin/`);

    const install = await openWpsPage(service.url, { page: 'wps/', et: false, width: 900, height: 1200 });
    const refused: string[] = [];
    install.page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) refused.push(message.text());
    });
    try {
      assert.equal(await install.page.textContent('#publish-line'), publishLine(PUBLIC_URL));
      await install.page.click('#install');
      // No WPS on this machine: its local service does not answer, and the page says what to do instead.
      await install.page.locator('#install-result').filter({ hasText: '没有联系上本机的 WPS' }).waitFor();
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await install.page.screenshot({ path: path.join(ARTIFACTS, 'wps-install-page.png'), fullPage: true });
      assert.deepEqual(refused, [], 'the policy lets the page’s script, style and call to WPS through');
    } finally {
      await install.close();
    }
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries += 1) {
    if (tries > 200) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
