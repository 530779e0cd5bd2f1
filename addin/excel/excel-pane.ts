// The task pane in Excel: the shared screens (../taskpane) over the Excel host. Opened in a plain
// browser or another Office host, the pane says it needs Excel and links to the web page.

import { outsideHost, startPane } from '../taskpane/taskpane.ts';
import { excelHost } from './excel-host.ts';

Office.onReady((info) => {
  if (info.host !== Office.HostType.Excel) return outsideHost();
  void startPane(excelHost());
});
