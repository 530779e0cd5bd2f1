// The install page's button: asks the WPS on this computer (its local service, the way WPS's own
// publish page does) to enable the add-in online for the current user, which writes publish.xml.

import styles from './install.css';
import { PUBLISH_ENTRY, publishRequest, WPS_LOCAL_SERVICE } from './publish.ts';

const style = document.createElement('style');
style.textContent = styles;
document.head.append(style);

const button = document.getElementById('install') as HTMLButtonElement;
const result = document.getElementById('install-result') as HTMLParagraphElement;

async function install(): Promise<void> {
  button.disabled = true;
  result.textContent = '正在请本机的 WPS 登记加载项…';
  try {
    const url = new URL('addin/', window.location.href).href;
    const response = await fetch(`${WPS_LOCAL_SERVICE}/deployaddons/runParams`, { method: 'POST', body: publishRequest(url) });
    if (!response.ok) throw new Error(String(response.status));
    result.textContent = `已登记「${PUBLISH_ENTRY.name}」。请重新启动 WPS 表格，首次打开时点「允许」。`;
  } catch {
    result.textContent = '没有联系上本机的 WPS：请确认已安装 WPS 并打开过一次，或改用下面的方式二写入 publish.xml。';
  } finally {
    button.disabled = false;
  }
}

button.addEventListener('click', () => void install());
