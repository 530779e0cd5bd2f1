// 执行台账助手 · 网页版: sign in with a token, download templates, upload a workbook and download it
// annotated, download weekly reports. Plain ES2017 without a framework, so that the old
// Chromium-based browsers on court PCs run it; every message is shown on the page, never in a dialog.
(function () {
  'use strict';

  var TOKEN_KEY = 'ledger-assistant-token';
  var SUMMARY_HEADER = 'X-Annotation-Summary';

  function $(id) {
    return document.getElementById(id);
  }

  function say(id, text, kind) {
    var element = $(id);
    element.textContent = text;
    element.className = kind || '';
  }

  function token() {
    return localStorage.getItem(TOKEN_KEY) || '';
  }

  // ---- Talking to the service ------------------------------------------------------------------

  function ServiceError(status, code, message) {
    this.status = status;
    this.code = code;
    this.message = message;
  }

  function readBlobText(blob) {
    return new Promise(function (resolve) {
      var reader = new FileReader();
      reader.onload = function () {
        resolve(String(reader.result));
      };
      reader.onerror = function () {
        resolve('');
      };
      reader.readAsText(blob);
    });
  }

  /** The Chinese message of an error answer, or a plain description of what happened. */
  function errorFrom(status, text) {
    try {
      var body = JSON.parse(text);
      if (body && body.error && body.error.message) return new ServiceError(status, body.error.code, body.error.message);
    } catch (ignored) {
      // Not JSON: a proxy or a stopped service answered.
    }
    if (status === 0) return new ServiceError(0, 'network', '无法连接服务，请检查网络或联系管理员');
    return new ServiceError(status, 'http', '服务返回错误（HTTP ' + status + '）');
  }

  async function getJson(path) {
    var response;
    try {
      response = await fetch(path, { headers: { Authorization: 'Bearer ' + token() } });
    } catch (error) {
      throw errorFrom(0, '');
    }
    var text = await response.text();
    if (!response.ok) throw errorFrom(response.status, text);
    return JSON.parse(text);
  }

  async function getFile(path) {
    var response;
    try {
      response = await fetch(path, { headers: { Authorization: 'Bearer ' + token() } });
    } catch (error) {
      throw errorFrom(0, '');
    }
    if (!response.ok) throw errorFrom(response.status, await response.text());
    return { blob: await response.blob(), name: fileNameOf(response.headers.get('Content-Disposition')) };
  }

  function fileNameOf(disposition) {
    var match = /filename\*=UTF-8''([^;]+)/i.exec(disposition || '');
    return match ? decodeURIComponent(match[1]) : '台账.xlsx';
  }

  function save(blob, name) {
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.textContent = '下载「' + name + '」';
    return link;
  }

  function saveNow(blob, name) {
    var link = save(blob, name);
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () {
      document.body.removeChild(link);
    }, 1000);
  }

  // ---- 1. Sign in ------------------------------------------------------------------------------

  async function signIn() {
    say('sign-in-status', '正在登录…');
    try {
      var ledgers = await getJson('/api/ledgers');
      say('sign-in-status', '已登录。', 'ok');
      $('sign-out-button').hidden = false;
      $('token').value = '';
      showLedgers(ledgers);
      ['templates', 'annotate', 'reports', 'team-list'].forEach(function (id) {
        $(id).hidden = false;
      });
      showTeams(ledgers);
      loadReports();
    } catch (error) {
      localStorage.removeItem(TOKEN_KEY);
      var message = error.status === 401 ? '令牌无效或已停用，请核对后重新输入。' : error.message;
      say('sign-in-status', message, 'error');
    }
  }

  function signOut() {
    localStorage.removeItem(TOKEN_KEY);
    ['templates', 'annotate', 'reports', 'team-list'].forEach(function (id) {
      $(id).hidden = true;
    });
    $('sign-out-button').hidden = true;
    say('sign-in-status', '已退出。');
  }

  // ---- 2. Templates ----------------------------------------------------------------------------

  function showLedgers(ledgers) {
    var list = $('template-list');
    list.textContent = '';
    ledgers.forEach(function (ledger) {
      var item = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = '下载模板';
      button.setAttribute('data-ledger', ledger.id);
      button.addEventListener('click', function () {
        downloadTemplate(ledger);
      });
      item.appendChild(document.createTextNode(ledger.name));
      item.appendChild(button);
      list.appendChild(item);
    });
  }

  async function downloadTemplate(ledger) {
    say('template-status', '正在生成「' + ledger.name + '」模板…');
    try {
      var file = await getFile('/api/templates/' + encodeURIComponent(ledger.id) + '.xlsx');
      saveNow(file.blob, file.name);
      say('template-status', '已下载「' + file.name + '」。', 'ok');
    } catch (error) {
      say('template-status', error.message, 'error');
    }
  }

  // ---- 3. Annotate -----------------------------------------------------------------------------

  function upload(file, asOf, onProgress) {
    return new Promise(function (resolve, reject) {
      var form = new FormData();
      form.append('file', file, file.name);
      var request = new XMLHttpRequest();
      request.open('POST', '/api/workbooks/annotate' + (asOf ? '?asOf=' + encodeURIComponent(asOf) : ''));
      request.setRequestHeader('Authorization', 'Bearer ' + token());
      request.responseType = 'blob';
      request.upload.onprogress = function (event) {
        if (event.lengthComputable) onProgress('upload', Math.round((event.loaded / event.total) * 100));
      };
      request.upload.onload = function () {
        onProgress('work', null);
      };
      request.onprogress = function (event) {
        if (event.lengthComputable) onProgress('download', Math.round((event.loaded / event.total) * 100));
      };
      request.onerror = function () {
        reject(errorFrom(0, ''));
      };
      request.onload = function () {
        if (request.status === 200) {
          resolve({
            blob: request.response,
            name: fileNameOf(request.getResponseHeader('Content-Disposition')),
            summary: JSON.parse(decodeURIComponent(request.getResponseHeader(SUMMARY_HEADER) || '%7B%7D')),
          });
        } else {
          readBlobText(request.response).then(function (text) {
            reject(errorFrom(request.status, text));
          });
        }
      };
      request.send(form);
    });
  }

  async function annotate(event) {
    event.preventDefault();
    var file = $('workbook').files[0];
    $('annotate-result').textContent = '';
    if (!file) return say('annotate-status', '请先选择台账文件。', 'error');
    if (/\.(xls|et|csv)$/i.test(file.name)) {
      return say('annotate-status', '只能上传 .xlsx 工作簿。请在 Excel 或 WPS 中打开「' + file.name + '」，另存为 Excel 工作簿（*.xlsx）后再上传。', 'error');
    }
    $('annotate-button').disabled = true;
    $('progress-box').hidden = false;
    say('annotate-status', '');
    var started = Date.now();
    var timer = null;
    var progress = $('progress');
    function onProgress(stage, percent) {
      if (stage === 'upload') {
        progress.value = percent;
        say('progress-text', '正在上传 ' + percent + '%');
      } else if (stage === 'work') {
        progress.removeAttribute('value');
        timer = setInterval(function () {
          say('progress-text', '服务正在校验和标注，已用 ' + Math.round((Date.now() - started) / 1000) + ' 秒（大文件需要一两分钟）…');
        }, 500);
        say('progress-text', '服务正在校验和标注…');
      } else {
        clearInterval(timer);
        progress.value = percent;
        say('progress-text', '正在接收结果 ' + percent + '%');
      }
    }
    try {
      var result = await upload(file, $('as-of').value, onProgress);
      saveNow(result.blob, result.name);
      showSummary(result);
      say('annotate-status', '完成，已下载「' + result.name + '」。', 'ok');
    } catch (error) {
      say('annotate-status', error.message, 'error');
    } finally {
      clearInterval(timer);
      $('progress-box').hidden = true;
      $('annotate-button').disabled = false;
    }
  }

  function cell(row, text, className) {
    var element = document.createElement(row.parentNode && row.parentNode.tagName === 'THEAD' ? 'th' : 'td');
    element.textContent = text;
    if (className) element.className = className;
    row.appendChild(element);
  }

  function showSummary(result) {
    var box = $('annotate-result');
    var summary = result.summary;
    var table = document.createElement('table');
    var head = table.createTHead().insertRow();
    ['工作表', '台账', '行数', '有错误', '仅有提示', '版本冲突', '超期', '临期', '说明'].forEach(function (title) {
      cell(head, title);
    });
    var body = table.createTBody();
    (summary.sheets || []).forEach(function (sheet) {
      var row = body.insertRow();
      cell(row, sheet.sheet);
      cell(row, sheet.ledger ? sheet.ledger.name : '—');
      [sheet.rows, sheet.invalid, sheet.warnings, sheet.conflicts, sheet.overdue, sheet.dueSoon].forEach(function (count) {
        cell(row, String(count), 'count');
      });
      cell(row, sheetNotes(sheet));
    });
    box.appendChild(table);
    if (summary.notKept && summary.notKept.length) {
      var kept = document.createElement('p');
      kept.className = 'error';
      kept.textContent = '注意：原文件中的' + summary.notKept.join('、') + '不会保留在标注后的文件中，请保留原文件。';
      box.appendChild(kept);
    }
    var again = document.createElement('p');
    again.appendChild(save(result.blob, result.name));
    box.appendChild(again);
  }

  function sheetNotes(sheet) {
    var notes = [];
    if (sheet.notAnnotated) notes.push(sheet.notAnnotated);
    if (sheet.ledger && !sheet.notAnnotated && sheet.rows === 0) notes.push('表头下没有数据行');
    if (sheet.missingRequired && sheet.missingRequired.length) notes.push('缺少必填列：' + sheet.missingRequired.join('、'));
    if (sheet.otherHeaders && sheet.otherHeaders.length) notes.push('未使用的列（保持原样）：' + sheet.otherHeaders.join('、'));
    var skipped = sheet.skipped || {};
    if (skipped.footer) notes.push('跳过合计/落款行 ' + skipped.footer + ' 行');
    if (skipped.header) notes.push('跳过重复的表头 ' + skipped.header + ' 行');
    return notes.join('；');
  }

  // ---- 4. Weekly reports -----------------------------------------------------------------------

  async function loadReports() {
    var list = $('report-list');
    list.textContent = '';
    say('report-list-status', '正在读取已生成的周通报…');
    try {
      var reports = await getJson('/api/reports');
      if (!reports.length) return say('report-list-status', '还没有自动生成的周通报。');
      say('report-list-status', '');
      reports.forEach(function (report) {
        var item = document.createElement('li');
        var week = report.week || '';
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = '下载';
        button.addEventListener('click', function () {
          downloadWeekly(week, 'report-list-status');
        });
        item.appendChild(document.createTextNode('周通报 ' + week + (report.from && report.to ? '（' + report.from + ' 至 ' + report.to + '）' : '')));
        item.appendChild(button);
        list.appendChild(item);
      });
    } catch (error) {
      say('report-list-status', error.message, 'error');
    }
  }

  async function downloadWeekly(week, statusId) {
    if (!/^\d{4}-W\d{2}$/.test(week)) return say(statusId, '请选择一周。', 'error');
    say(statusId, '正在生成 ' + week + ' 周通报…');
    try {
      var file = await getFile('/api/reports/weekly?week=' + encodeURIComponent(week) + '&format=xlsx');
      saveNow(file.blob, file.name);
      say(statusId, '已下载「' + file.name + '」。', 'ok');
    } catch (error) {
      say(statusId, error.message, 'error');
    }
  }

  /** The ISO week before the one containing `date`, as YYYY-Www. */
  function lastWeek(date) {
    var day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate() - 7));
    var weekday = day.getUTCDay() || 7;
    day.setUTCDate(day.getUTCDate() + 4 - weekday);
    var yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
    var week = Math.ceil(((day - yearStart) / 86400000 + 1) / 7);
    return day.getUTCFullYear() + '-W' + (week < 10 ? '0' : '') + week;
  }

  // ---- 5. A team's 分案清单 ----------------------------------------------------------------------

  /** The teams come from the cases ledger's 分流调整 options, the same list the service checks. */
  function showTeams(ledgers) {
    var cases = ledgers.filter(function (ledger) {
      return ledger.id === 'cases';
    })[0];
    var column = cases && cases.columns.filter(function (candidate) {
      return candidate.id === 'teamOverride';
    })[0];
    var select = $('team');
    select.textContent = '';
    ((column && column.options) || []).forEach(function (team) {
      select.appendChild(new Option(team, team));
    });
  }

  /** Clerks' dates may arrive as Excel serial numbers (1900 system); shown as YYYY-MM-DD. */
  function shownDate(value) {
    if (typeof value !== 'number') return value == null ? '' : String(value);
    return new Date(Date.UTC(1899, 11, 30) + Math.floor(value) * 86400000).toISOString().slice(0, 10);
  }

  async function loadTeamList(event) {
    event.preventDefault();
    var team = $('team').value;
    var since = $('team-since').value;
    var box = $('team-result');
    box.textContent = '';
    say('team-status', '正在读取' + team + '的分案清单…');
    try {
      var query = '?team=' + encodeURIComponent(team) + (since ? '&since=' + encodeURIComponent(since) : '');
      var result = await getJson('/api/ledgers/cases/rows' + query);
      if (!result.rows.length) return say('team-status', team + '暂无分案' + (since ? '（' + since + ' 以来）' : '') + '。');
      say('team-status', team + '共 ' + result.rows.length + ' 件（统计至 ' + result.asOf + '）。', 'ok');
      var table = document.createElement('table');
      var head = table.createTHead().insertRow();
      ['案号', '被执行人', '立案日期', '分流日期', '结案期限', '当前节点', '节点期限', '剩余天数', '预警'].forEach(function (title) {
        cell(head, title);
      });
      var body = table.createTBody();
      result.rows.forEach(function (row) {
        var values = row.values || {};
        var line = body.insertRow();
        [values.caseNo, values.respondent, shownDate(values.filedOn), shownDate(values.triagedOn), row.status.closeDue, row.status.nextNode, row.status.nextDue, row.status.daysLeft].forEach(function (text) {
          cell(line, text == null ? '' : String(text));
        });
        cell(line, row.status.alert || '', 'alert-' + (row.status.alert || 'none'));
      });
      box.appendChild(table);
    } catch (error) {
      say('team-status', error.message, 'error');
    }
  }

  // ---- Start -----------------------------------------------------------------------------------

  $('sign-in-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var entered = $('token').value.trim();
    if (!entered) return say('sign-in-status', '请输入个人令牌。', 'error');
    localStorage.setItem(TOKEN_KEY, entered);
    signIn();
  });
  $('sign-out-button').addEventListener('click', signOut);
  $('annotate-form').addEventListener('submit', annotate);
  $('team-form').addEventListener('submit', loadTeamList);
  $('weekly-form').addEventListener('submit', function (event) {
    event.preventDefault();
    downloadWeekly($('week').value, 'weekly-status');
  });
  $('week').value = lastWeek(new Date());
  if (token()) signIn();
})();
