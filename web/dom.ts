// The page's few DOM needs: find an element, say something in a status line, build a table, hand
// over a file. Every message is shown on the page, never in a dialog.

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

export type Tone = 'ok' | 'error' | '';

/** Shows `text` in a status line; a message of several lines (one per sheet…) shows its first line, then a list of the rest. */
export function say(id: string, text: string, tone: Tone = ''): void {
  const element = byId(id);
  const [first, ...rest] = text.split('\n');
  element.textContent = first;
  element.className = tone;
  if (rest.length === 0) return;
  const list = document.createElement('ul');
  for (const line of rest) {
    const item = document.createElement('li');
    item.textContent = line;
    list.appendChild(item);
  }
  element.appendChild(list);
}

export function showSections(ids: string[], shown: boolean): void {
  for (const id of ids) byId(id).hidden = !shown;
}

/** A table with a header row of `titles` and one row per entry of `rows`; a cell may carry a class. */
export function table(titles: string[], rows: Array<Array<string | { text: string; className: string }>>): HTMLTableElement {
  const element = document.createElement('table');
  const head = element.createTHead().insertRow();
  for (const title of titles) {
    const th = document.createElement('th');
    th.textContent = title;
    head.appendChild(th);
  }
  const body = element.createTBody();
  for (const cells of rows) {
    const line = body.insertRow();
    for (const cell of cells) {
      const td = line.insertCell();
      if (typeof cell === 'string') {
        td.textContent = cell;
      } else {
        td.textContent = cell.text;
        td.className = cell.className;
      }
    }
  }
  return element;
}

export function paragraph(text: string, className = ''): HTMLParagraphElement {
  const element = document.createElement('p');
  element.textContent = text;
  element.className = className;
  return element;
}

/** A link that saves the file again, for a clerk who missed the download. */
export function saveLink(blob: Blob, name: string): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.textContent = `下载「${name}」`;
  return link;
}

export function saveNow(blob: Blob, name: string): void {
  const link = saveLink(blob, name);
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  setTimeout(() => document.body.removeChild(link), 1000);
}

export function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : '发生未知错误，请重试';
}
