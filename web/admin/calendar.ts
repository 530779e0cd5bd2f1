// 管理 · 节假日: the years that have holiday data, and a year entered as the State Council's notice
// writes it — per festival the days off and the 调休 workdays, single dates or ranges
// (2027-02-06至02-12) — previewed as twelve small months, then saved. The service reads the dates
// and says in Chinese what it cannot read; the page only shows.

import { fetchCalendarYear, fetchCalendarYears, previewCalendarYear, saveCalendarYear } from '../../client/api.ts';
import type { CalendarYear, CalendarYearView, FestivalEntry } from '../../client/contract.ts';
import { byId, messageOf, say } from '../dom.ts';
import { connection } from '../session.ts';
import { button, element, status } from './elements.ts';
import { loadWarnings } from './warnings.ts';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

export function renderCalendar(panel: HTMLElement): void {
  panel.append(
    element('h3', {}, '节假日安排'),
    element('p', { id: 'calendar-years' }),
    element('form', { id: 'calendar-form', autocomplete: 'off' }, [
      element('p', {}, [
        element('label', { for: 'calendar-year' }, '年份'),
        element('input', { id: 'calendar-year', type: 'number', min: '2000', max: '2100' }),
        button('读取该年', () => void openYear(yearChosen())),
      ]),
      element(
        'p',
        { class: 'hint' },
        '按国务院办公厅放假通知逐项填写。日期可写 2027-02-06、2027-02-06至02-12 或 2027-02-06至2027-02-12，多个日期用顿号、分号、逗号或换行分开。',
      ),
      element('table', { id: 'calendar-festivals' }),
      button('预览', () => void preview(), { id: 'calendar-preview' }),
      button('保存', () => void save(), { id: 'calendar-save' }),
    ]),
    status('calendar-status'),
    element('div', { id: 'calendar-grid' }),
  );
}

export async function loadCalendar(): Promise<void> {
  try {
    const years = await fetchCalendarYears(connection());
    showYears(years);
    const known = new Set(years.map((entry) => entry.year));
    let next = new Date().getFullYear();
    while (known.has(next)) next++;
    await openYear(next);
  } catch (error) {
    say('calendar-status', messageOf(error), 'error');
  }
}

/** The years with data, as ranges of the package's and each of the admin's own. */
function showYears(years: CalendarYear[]): void {
  const own = years.filter((entry) => entry.source === 'override').map((entry) => entry.year);
  const builtIn = years.filter((entry) => entry.source === 'package').map((entry) => entry.year);
  const range = builtIn.length > 0 ? `${builtIn[0]}–${builtIn[builtIn.length - 1]} 年（内置数据）` : '无内置数据';
  byId('calendar-years').textContent =
    `已有节假日数据：${range}${own.length > 0 ? `；管理员录入：${own.map((year) => `${year} 年`).join('、')}` : ''}。`;
}

function yearChosen(): number {
  return Number(byId<HTMLInputElement>('calendar-year').value);
}

async function openYear(year: number): Promise<void> {
  try {
    const view = await fetchCalendarYear(connection(), year);
    byId<HTMLInputElement>('calendar-year').value = String(year);
    showFestivals(view.festivals ?? []);
    showGrid(view);
    say('calendar-status', view.source ? `${year} 年已有节假日数据，可修改后保存。` : `${year} 年还没有节假日数据，请按放假通知填写。`);
  } catch (error) {
    say('calendar-status', messageOf(error), 'error');
  }
}

function showFestivals(festivals: FestivalEntry[]): void {
  const rows = festivals.map((festival, index) =>
    element('tr', { 'data-festival': String(index) }, [
      element('td', {}, [element('input', { class: 'festival-name', value: festival.name, 'aria-label': '节日' })]),
      element('td', {}, [
        element('textarea', { class: 'festival-holidays', rows: '1', 'aria-label': `${festival.name}放假日期` }, festival.holidays),
      ]),
      element('td', {}, [
        element('textarea', { class: 'festival-workdays', rows: '1', 'aria-label': `${festival.name}调休上班日期` }, festival.workdays),
      ]),
    ]),
  );
  const head = element('tr', {}, [element('th', {}, '节日'), element('th', {}, '放假日期'), element('th', {}, '调休上班日期')]);
  byId('calendar-festivals').replaceChildren(element('thead', {}, [head]), element('tbody', {}, rows));
}

function festivalsEntered(): FestivalEntry[] {
  return Array.from(byId('calendar-festivals').querySelectorAll('tbody tr')).map((row) => ({
    name: (row.querySelector('.festival-name') as HTMLInputElement).value,
    holidays: (row.querySelector('.festival-holidays') as HTMLTextAreaElement).value,
    workdays: (row.querySelector('.festival-workdays') as HTMLTextAreaElement).value,
  }));
}

async function preview(): Promise<void> {
  const year = yearChosen();
  try {
    const view = await previewCalendarYear(connection(), year, festivalsEntered());
    showGrid(view);
    say(
      'calendar-status',
      `预览：${year} 年放假 ${Object.keys(view.holidays).length} 天、调休上班 ${Object.keys(view.workdays).length} 天，全年休息日 ${view.restDays} 天。尚未保存。`,
    );
  } catch (error) {
    say('calendar-status', messageOf(error), 'error');
  }
}

async function save(): Promise<void> {
  const year = yearChosen();
  try {
    const view = await saveCalendarYear(connection(), year, festivalsEntered());
    showGrid(view);
    showYears(await fetchCalendarYears(connection()));
    void loadWarnings();
    say(
      'calendar-status',
      `已保存 ${year} 年节假日安排：放假 ${Object.keys(view.holidays).length} 天、调休上班 ${Object.keys(view.workdays).length} 天。`,
      'ok',
    );
  } catch (error) {
    say('calendar-status', messageOf(error), 'error');
  }
}

/** Twelve small months, Monday first: holidays, 调休 workdays and other weekends marked. */
function showGrid(view: CalendarYearView): void {
  const months = view.months.map((month) => {
    const cells: HTMLElement[] = [1, 2, 3, 4, 5, 6, 0].map((day) => element('span', { class: 'weekday' }, WEEKDAYS[day]));
    const blank = (month.days[0].weekday + 6) % 7;
    for (let index = 0; index < blank; index++) cells.push(element('span', { class: 'day blank' }));
    for (const day of month.days) {
      const title = day.name ? `${day.date} ${day.name}${day.kind === 'workday' ? '（调休上班）' : ''}` : day.date;
      cells.push(element('span', { class: `day ${day.kind}`, title, 'data-date': day.date }, String(day.day)));
    }
    return element('div', { class: 'month' }, [
      element('div', { class: 'month-title' }, `${month.month}月`),
      element('div', { class: 'days' }, cells),
    ]);
  });
  const legend = element('p', { class: 'legend' }, [
    element('span', { class: 'day holiday' }, '休'),
    ' 法定节假日 ',
    element('span', { class: 'day workday' }, '班'),
    ' 调休上班 ',
    element('span', { class: 'day weekend' }, '末'),
    ' 周末',
  ]);
  byId('calendar-grid').replaceChildren(element('h4', {}, `${view.year} 年`), legend, element('div', { class: 'months' }, months));
}
