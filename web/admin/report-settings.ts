// 管理 · 通报设置: what the 周通报 is headed and signed with — 法院名称, 发文单位, the week that is
// 第1期, 落款 — and the time the daily 分案清单 are made, saved by the admin; the line below says
// which 期 the last week's report gets.

import { fetchReportSettings, saveReportSettings } from '../../client/api.ts';
import type { ReportSettings, ReportSettingsView } from '../../client/contract.ts';
import { byId, messageOf, say } from '../dom.ts';
import { connection } from '../session.ts';
import { element, status } from './elements.ts';

const FIELDS: Array<{ key: keyof ReportSettings; label: string; hint: string }> = [
  { key: 'court', label: '法院名称', hint: '例如 ××市××区人民法院' },
  { key: 'unit', label: '发文单位', hint: '例如 执行局 执行指挥中心' },
  { key: 'startWeek', label: '起始周（第1期）', hint: '例如 2026-W01' },
  { key: 'signedBy', label: '落款', hint: '例如 执行指挥中心' },
  { key: 'listAt', label: '分案清单生成时间', hint: '例如 17:30（工作日，当日分流后）' },
];

const fieldId = (key: keyof ReportSettings) => `report-settings-${key}`;

export function renderReportSettings(panel: HTMLElement): void {
  const form = element('form', { id: 'report-settings-form', autocomplete: 'off' }, [
    ...FIELDS.map(({ key, label, hint }) =>
      element('p', {}, [
        element('label', { for: fieldId(key) }, label),
        ' ',
        element('input', { id: fieldId(key), name: key, maxlength: '60', placeholder: hint }),
      ]),
    ),
    element('button', { id: 'report-settings-save', type: 'submit' }, '保存'),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  });
  panel.append(
    element('h3', {}, '通报设置'),
    element(
      'p',
      { class: 'hint' },
      '周通报的标题、期号和落款。期号按周计算：起始周为第1期，此后每周加一期。每个工作日到「分案清单生成时间」，服务为当日有新分案件的团队生成当日分案清单。',
    ),
    form,
    element('p', { id: 'report-settings-issue' }),
    status('report-settings-status'),
  );
}

export async function loadReportSettings(): Promise<void> {
  try {
    const view = await fetchReportSettings(connection());
    fill(view);
    say('report-settings-status', view.saved ? '' : '尚未保存通报设置，周通报使用以上默认内容。', view.saved ? '' : 'error');
  } catch (error) {
    say('report-settings-status', messageOf(error), 'error');
  }
}

async function save(): Promise<void> {
  say('report-settings-status', '正在保存…');
  try {
    const view = await saveReportSettings(connection(), read());
    fill(view);
    say('report-settings-status', '已保存通报设置。', 'ok');
  } catch (error) {
    say('report-settings-status', messageOf(error), 'error');
  }
}

function read(): ReportSettings {
  const value = (key: keyof ReportSettings) => byId<HTMLInputElement>(fieldId(key)).value;
  return {
    court: value('court'),
    unit: value('unit'),
    startWeek: value('startWeek'),
    signedBy: value('signedBy'),
    listAt: value('listAt'),
  };
}

function fill(view: ReportSettingsView): void {
  for (const { key } of FIELDS) byId<HTMLInputElement>(fieldId(key)).value = view.settings[key];
  byId('report-settings-issue').textContent = issueLine(view.lastWeek);
}

/** 「2026-W48 为第 48 期」, or why the last week has no number. */
function issueLine({ week, issue }: ReportSettingsView['lastWeek']): string {
  if (issue === null) return `${week} 早于起始周，没有期号。`;
  return `上周 ${week} 为第 ${issue} 期。`;
}
