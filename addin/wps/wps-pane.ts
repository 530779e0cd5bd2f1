// The task pane in WPS 表格 (opened by the ribbon's 打开助手 with Application.CreateTaskPane): the
// shared screens over the WPS host. Opened anywhere else, it says it needs WPS 表格.

import { outsideHost, startPane } from '../taskpane/taskpane.ts';
import { insideEt } from './application.ts';
import { wpsHost } from './wps-host.ts';

if (insideEt()) void startPane(wpsHost());
else outsideHost();
