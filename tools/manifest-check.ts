// An offline check of manifest.xml (office-addin-manifest validate needs Microsoft's servers): well
// formed, the elements the task-pane schema requires, in its order, every resid defined, and every
// URL an https URL on one origin — the service's — so that nothing leaves the court's network.

import { XMLParser, XMLValidator } from 'fast-xml-parser';

type Node = { [tag: string]: Node[] | string } & { ':@'?: Record<string, string> };

interface Rule {
  /** Allowed children in schema order. */
  order: string[];
  required: string[];
}

/** The parts of the OfficeApp 1.1 and TaskPaneAppVersionOverrides 1.0 schemas this manifest uses. */
const RULES: Record<string, Rule> = {
  OfficeApp: {
    order: [
      'Id',
      'AlternateId',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'Dictionary',
      'VersionOverrides',
    ],
    required: ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings', 'Permissions'],
  },
  DefaultSettings: { order: ['SourceLocation', 'RequestedWidth', 'RequestedHeight'], required: ['SourceLocation'] },
  VersionOverrides: { order: ['Description', 'Requirements', 'Hosts', 'Resources'], required: ['Hosts', 'Resources'] },
  Host: { order: ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'], required: [] },
  DesktopFormFactor: { order: ['GetStarted', 'FunctionFile', 'ExtensionPoint'], required: ['FunctionFile', 'ExtensionPoint'] },
  GetStarted: { order: ['Title', 'Description', 'LearnMoreUrl'], required: ['Title', 'Description'] },
  ExtensionPoint: { order: ['OfficeTab', 'CustomTab'], required: [] },
  CustomTab: { order: ['Group', 'Label', 'InsertAfter', 'InsertBefore'], required: ['Group', 'Label'] },
  Group: { order: ['Label', 'Icon', 'Control'], required: ['Label', 'Icon', 'Control'] },
  Control: { order: ['Label', 'Supertip', 'Icon', 'Action'], required: ['Label', 'Supertip', 'Icon', 'Action'] },
  Supertip: { order: ['Title', 'Description'], required: ['Title', 'Description'] },
  Resources: { order: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'], required: [] },
};

const RESOURCE_KINDS: Record<string, string> = {
  'bt:Images': 'image',
  'bt:Urls': 'url',
  'bt:ShortStrings': 'short',
  'bt:LongStrings': 'long',
};
const SHORT_LIMIT = 125;
const LONG_LIMIT = 250;
const RESID_LIMIT = 32;

export interface ManifestReport {
  errors: string[];
  /** Every URL the manifest names, for checking that the service serves it. */
  urls: string[];
  origin: string | null;
}

const tagOf = (node: Node) => Object.keys(node).find((key) => key !== ':@') ?? '';
const childrenOf = (node: Node): Node[] => {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? value.filter((child) => !('#text' in child) && !('#comment' in child)) : [];
};
const attr = (node: Node, name: string) => node[':@']?.[`@_${name}`];
const textOf = (node: Node) => {
  const value = node[tagOf(node)];
  return Array.isArray(value)
    ? value
        .map((child) => (typeof child['#text'] === 'string' ? child['#text'] : ''))
        .join('')
        .trim()
    : '';
};

export function checkManifest(xml: string): ManifestReport {
  const errors: string[] = [];
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true)
    return { errors: [`XML 格式错误（第 ${wellFormed.err.line} 行）：${wellFormed.err.msg}`], urls: [], origin: null };
  const document = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    commentPropName: '#comment',
  }).parse(xml) as Node[];
  const root = document.find((node) => tagOf(node) === 'OfficeApp');
  if (!root) return { errors: ['根元素应为 OfficeApp'], urls: [], origin: null };
  if (attr(root, 'xsi:type') !== 'TaskPaneApp') errors.push('OfficeApp 的 xsi:type 应为 TaskPaneApp');

  const visit = (node: Node, path: string) => {
    const tag = tagOf(node);
    const rule = RULES[tag];
    const children = childrenOf(node);
    if (rule) {
      let position = -1;
      for (const child of children) {
        const childTag = tagOf(child);
        const index = rule.order.indexOf(childTag);
        if (index < 0) errors.push(`${path}/${childTag}：${tag} 中不允许此元素`);
        else if (index < position) errors.push(`${path}/${childTag}：顺序错误，应在 ${rule.order[position]} 之前`);
        else position = index;
      }
      for (const required of rule.required) {
        if (!children.some((child) => tagOf(child) === required)) errors.push(`${path}：缺少必需元素 ${required}`);
      }
    }
    for (const child of children) visit(child, `${path}/${tagOf(child)}`);
  };
  visit(root, 'OfficeApp');

  const all: Node[] = [];
  const collect = (node: Node) => {
    all.push(node);
    childrenOf(node).forEach(collect);
  };
  collect(root);

  const hosts = all.filter((node) => tagOf(node) === 'Host' && attr(node, 'Name'));
  if (!hosts.some((node) => attr(node, 'Name') === 'Workbook')) errors.push('Hosts 中应有 Workbook（Excel）');
  const excelApi = all.find((node) => tagOf(node) === 'Set' && attr(node, 'Name') === 'ExcelApi');
  if (attr(excelApi ?? {}, 'MinVersion') !== '1.1')
    errors.push('Requirements 应要求 ExcelApi 1.1（更新的功能由加载项按 isSetSupported 判断）');
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(textOf(all.find((node) => tagOf(node) === 'Id') ?? {})))
    errors.push('Id 应为 GUID');

  const resources = new Map<string, { kind: string; value: string }>();
  for (const group of all.filter((node) => RESOURCE_KINDS[tagOf(node)])) {
    const kind = RESOURCE_KINDS[tagOf(group)];
    for (const entry of childrenOf(group)) {
      const id = attr(entry, 'id') ?? '';
      const value = attr(entry, 'DefaultValue') ?? '';
      if (resources.has(id)) errors.push(`资源 id「${id}」重复`);
      if (id.length > RESID_LIMIT) errors.push(`资源 id「${id}」超过 ${RESID_LIMIT} 个字符`);
      if (kind === 'short' && value.length > SHORT_LIMIT) errors.push(`短字符串「${id}」超过 ${SHORT_LIMIT} 个字符`);
      if (kind === 'long' && value.length > LONG_LIMIT) errors.push(`长字符串「${id}」超过 ${LONG_LIMIT} 个字符`);
      resources.set(id, { kind, value });
    }
  }
  const expectedKind = (node: Node, parent: string): string => {
    const tag = tagOf(node);
    if (tag === 'bt:Image') return 'image';
    if (tag === 'SourceLocation' || tag === 'FunctionFile' || tag === 'LearnMoreUrl') return 'url';
    if (tag === 'Description' && (parent === 'Supertip' || parent === 'GetStarted')) return 'long';
    return 'short';
  };
  const checkResids = (node: Node, parent: string) => {
    const resid = attr(node, 'resid');
    if (resid !== undefined) {
      const found = resources.get(resid);
      const kind = expectedKind(node, parent);
      if (!found) errors.push(`${tagOf(node)} 引用的资源「${resid}」未定义`);
      else if (found.kind !== kind) errors.push(`${tagOf(node)} 引用的资源「${resid}」类型不对`);
    }
    for (const child of childrenOf(node)) checkResids(child, tagOf(node));
  };
  checkResids(root, '');

  const urls = [
    ...all
      .filter(
        (node) => ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation'].includes(tagOf(node)) && attr(node, 'DefaultValue'),
      )
      .map((node) => attr(node, 'DefaultValue') as string),
    ...[...resources.values()].filter((resource) => resource.kind === 'image' || resource.kind === 'url').map((resource) => resource.value),
  ];
  const unique = [...new Set(urls)];
  const origins = new Set<string>();
  for (const url of unique) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      errors.push(`「${url}」不是有效的网址`);
      continue;
    }
    if (parsed.protocol !== 'https:') errors.push(`「${url}」不是 HTTPS：Office 加载项只能从 HTTPS 加载`);
    origins.add(parsed.origin);
  }
  if (origins.size > 1) errors.push(`网址应全部来自服务本身，实际有 ${[...origins].join('、')}`);
  const origin = origins.size === 1 ? [...origins][0] : null;
  const domains = all.filter((node) => tagOf(node) === 'AppDomain').map(textOf);
  for (const domain of domains) if (origin && domain !== origin) errors.push(`AppDomain「${domain}」不是服务的地址 ${origin}`);
  return { errors, urls: unique, origin };
}

/** Fetches each URL's path from a running service; returns what is not served as it should be. */
export async function checkServed(urls: string[], serviceUrl: string): Promise<string[]> {
  const problems: string[] = [];
  for (const url of urls) {
    const { pathname, search } = new URL(url);
    const response = await fetch(`${serviceUrl}${pathname}${search}`);
    const type = response.headers.get('content-type') ?? '';
    if (response.status !== 200) problems.push(`${pathname}${search}：HTTP ${response.status}`);
    else if (pathname.endsWith('.png') && !type.startsWith('image/png')) problems.push(`${pathname}：类型为 ${type}，应为 image/png`);
    else if (pathname.endsWith('.html') && !type.startsWith('text/html')) problems.push(`${pathname}：类型为 ${type}，应为 text/html`);
    else if (pathname.endsWith('.html')) {
      const page = await response.text();
      for (const script of page.matchAll(/<script[^>]*src="([^"]+)"/g)) {
        if (/^https?:/.test(script[1])) problems.push(`${pathname} 从外部加载脚本 ${script[1]}`);
        else if ((await fetch(`${serviceUrl}${script[1]}`)).status !== 200) problems.push(`${pathname} 引用的 ${script[1]} 未提供`);
      }
    }
  }
  return problems;
}
