// The service's health warnings on top of the admin section: what the IT admin has to act on (a
// year without holiday data, a certificate about to expire, little free space, an old backup).
// Read again after the admin saves a year's holidays, so a warning goes as soon as it is fixed.

import { fetchHealth } from '../../client/api.ts';
import { byId, messageOf } from '../dom.ts';
import { connection } from '../session.ts';
import { element } from './elements.ts';

export async function loadWarnings(): Promise<void> {
  const box = byId('admin-warnings');
  try {
    const health = await fetchHealth(connection());
    const warnings = Array.isArray(health.warnings) ? health.warnings : [];
    if (warnings.length === 0) return box.replaceChildren();
    const items = warnings.map((warning) => element('li', { 'data-code': warning.code }, warning.message));
    box.replaceChildren(element('h3', {}, `需要处理的事项（${warnings.length} 项）`), element('ul', {}, items));
  } catch (error) {
    box.replaceChildren(element('p', {}, `无法读取服务状态：${messageOf(error)}`));
  }
}
