// Building the admin section's elements in a line each: a tag, its attributes, its text or children.

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  content: string | Array<Node | string> = [],
): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  if (typeof content === 'string') made.textContent = content;
  else for (const child of content) made.append(child);
  return made;
}

export function button(text: string, onClick: () => void, attributes: Record<string, string> = {}): HTMLButtonElement {
  const made = element('button', { type: 'button', ...attributes }, text);
  made.addEventListener('click', onClick);
  return made;
}

/** A status line: what is being done, what was done, or what went wrong. */
export function status(id: string): HTMLParagraphElement {
  return element('p', { id, role: 'status' });
}

export function dateTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '从未';
}
