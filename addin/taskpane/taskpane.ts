// Task pane: connection settings kept per user in the browser's storage, and a connection test.

import styles from './taskpane.css';
import { testConnection, type Connection } from '../service-client.ts';

const STORAGE_KEY = 'ledger-assistant.connection';

function savedConnection(): Connection {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved ? (JSON.parse(saved) as Connection) : { baseUrl: window.location.origin, token: '' };
}

function element<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

async function onTest(): Promise<void> {
  const connection = { baseUrl: element<HTMLInputElement>('base-url').value.trim(), token: element<HTMLInputElement>('token').value.trim() };
  const result = element<HTMLParagraphElement>('connection-result');
  const button = element<HTMLButtonElement>('test-connection');
  button.disabled = true;
  result.className = '';
  result.textContent = '正在连接…';
  try {
    const { version, ledgers } = await testConnection(connection);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(connection));
    result.className = 'ok';
    result.textContent = `连接成功（服务版本 ${version}），可用台账：${ledgers.map((ledger) => ledger.name).join('、')}`;
  } catch (error) {
    result.className = 'error';
    result.textContent = (error as Error).message;
  } finally {
    button.disabled = false;
  }
}

function start(): void {
  const style = document.createElement('style');
  style.textContent = styles;
  document.head.append(style);
  const connection = savedConnection();
  element<HTMLInputElement>('base-url').value = connection.baseUrl;
  element<HTMLInputElement>('token').value = connection.token;
  element<HTMLButtonElement>('test-connection').addEventListener('click', () => void onTest());
}

Office.onReady(() => start());
