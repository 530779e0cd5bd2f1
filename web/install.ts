// 安装根证书与加载项: the service's address (PUBLIC_URL), the steps to trust the service's own CA on
// a clerk's PC (one PC by double-click, many by a domain group policy), the add-in's manifest, and
// where the WPS 表格 add-in is installed from.
// Shown signed in or not: a PC that does not trust the CA yet is the one that needs it.

import { fetchInstallInfo } from '../client/api.ts';
import type { InstallInfo } from '../client/contract.ts';
import { paragraph } from './dom.ts';

const PC_STEPS = [
  '双击下载的「执行台账助手根证书.crt」，点「安装证书」。',
  '「存储位置」选「本地计算机」，点「下一步」（需要本机管理员权限）。',
  '选「将所有的证书都放入下列存储」，点「浏览」，选「受信任的根证书颁发机构」，点「确定」「下一步」「完成」。',
  '关闭所有浏览器窗口和 Excel，再重新打开。',
];

const GROUP_POLICY =
  '电脑较多时，信息技术管理员可通过域组策略统一下发：在域控制器上打开「组策略管理」，编辑应用于书记员电脑的组策略，' +
  '依次进入 计算机配置 → 策略 → Windows 设置 → 安全设置 → 公钥策略 → 受信任的根证书颁发机构，右键「导入」该证书文件；' +
  '书记员电脑刷新组策略（或重启）后即生效。';

export async function showInstall(): Promise<void> {
  let info: InstallInfo;
  try {
    info = await fetchInstallInfo({ baseUrl: '', token: '' });
  } catch {
    return;
  }
  const section = document.createElement('section');
  section.id = 'install';
  section.setAttribute('aria-labelledby', 'install-title');
  const title = document.createElement('h2');
  title.id = 'install-title';
  title.textContent = '安装根证书与加载项';
  section.appendChild(title);
  section.appendChild(addressLine(info));
  if (window.location.origin !== info.publicUrl) {
    section.appendChild(paragraph(`您现在用 ${window.location.origin} 打开本页；书记员电脑和加载项请统一使用上面的服务地址。`, 'hint'));
  }
  if (info.caCertificateUrl !== null) section.appendChild(certificatePart());
  section.appendChild(manifestPart(info));
  section.appendChild(wpsPart(info));
  document.querySelector('main')?.appendChild(section);
}

function addressLine(info: InstallInfo): HTMLParagraphElement {
  const line = paragraph('服务地址：');
  line.appendChild(link(info.webUrl, info.publicUrl));
  line.appendChild(document.createTextNode('（书记员电脑的浏览器和 Excel 加载项都用这个地址）'));
  return line;
}

function certificatePart(): HTMLDetailsElement {
  const part = fold('在书记员电脑上安装根证书（每台电脑一次）', 'install-certificate');
  part.appendChild(paragraph('浏览器提示「不安全」「证书错误」，或 Excel 中的加载项打不开时，先安装本服务的根证书：'));
  const download = link('/ca.crt', '下载根证书（执行台账助手根证书.crt）');
  download.id = 'ca-certificate-link';
  download.setAttribute('download', '执行台账助手根证书.crt');
  const line = document.createElement('p');
  line.appendChild(download);
  part.appendChild(line);
  const steps = document.createElement('ol');
  for (const step of PC_STEPS) {
    const item = document.createElement('li');
    item.textContent = step;
    steps.appendChild(item);
  }
  part.appendChild(steps);
  part.appendChild(paragraph(GROUP_POLICY, 'hint'));
  return part;
}

function manifestPart(info: InstallInfo): HTMLDetailsElement {
  const part = fold('Excel 加载项清单（信息技术管理员）', 'install-manifest');
  const line = paragraph('加载项清单：');
  line.appendChild(link(info.manifestUrl, info.manifestUrl));
  part.appendChild(line);
  part.appendChild(
    paragraph(
      '清单中的地址已是上面的服务地址，无需修改：下载后放到书记员都能读取的共享文件夹，再在 Excel 中添加受信任的加载项目录。',
      'hint',
    ),
  );
  return part;
}

function wpsPart(info: InstallInfo): HTMLDetailsElement {
  const part = fold('WPS 表格加载项（统信 UOS、银河麒麟、Windows）', 'install-wps');
  const line = paragraph('安装页：');
  line.appendChild(link(info.wpsInstallUrl, info.wpsInstallUrl));
  part.appendChild(line);
  part.appendChild(
    paragraph('用 WPS 表格的电脑按安装页的步骤：信任根证书、允许 JS 加载项、登记加载项，之后功能区出现「执行台账」选项卡。', 'hint'),
  );
  return part;
}

function fold(summary: string, id: string): HTMLDetailsElement {
  const part = document.createElement('details');
  part.id = id;
  const heading = document.createElement('summary');
  heading.textContent = summary;
  part.appendChild(heading);
  return part;
}

function link(href: string, text: string): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.textContent = text;
  return anchor;
}
