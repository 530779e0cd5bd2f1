// /api/backups: the admin lists the copies of the data directory, makes one now (手动-<date>-<time>,
// which the daily rotation keeps) and downloads one as a .zip. Nobody else: a backup holds every
// ledger and the users' token hashes.

import { Router, type Request } from 'express';
import JSZip from 'jszip';
import { backupName } from '../store/file-store.ts';
import type { Store } from '../store/store.ts';
import { currentUser } from './auth.ts';
import { HttpError } from './errors.ts';

export function backupsRouter(store: Store, timeZone: string, now: () => Date): Router {
  const router = Router();
  router.use((req, _res, next) => {
    adminOnly(req);
    next();
  });

  router.get('/', async (_req, res) => {
    res.json({ backups: await store.backups() });
  });

  router.post('/', async (req, res) => {
    const by = adminOnly(req);
    const made = await store.exclusive(async () => {
      const backup = await store.backupAs(backupName('手动', now(), timeZone));
      if (backup) await store.documents.appendAudit([audit(by, backup.name, now())]);
      return backup;
    });
    if (!made) throw new HttpError(409, 'no_backups', '本服务的数据只保存在内存中，没有可备份的数据目录');
    res.status(201).json({ backup: made });
  });

  router.get('/:name', async (req, res) => {
    const name = String(req.params.name);
    const files = await store.backupFiles(name);
    if (!files) throw new HttpError(404, 'backup_not_found', `没有名为「${name.slice(0, 60)}」的备份`);
    const zip = new JSZip();
    // Inside one folder named after the backup, so that unpacking it never mixes two backups.
    for (const file of files) zip.file(`${name}/${file.path}`, file.bytes);
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
    res.type('application/zip').attachment(`执行台账备份-${name}.zip`).send(bytes);
  });

  return router;
}

function adminOnly(req: Request) {
  const user = currentUser(req);
  if (!user.roles.includes('admin')) throw new HttpError(403, 'forbidden', `只有管理员可以查看和下载备份，用户「${user.name}」不是管理员`);
  return user;
}

function audit(by: { name: string }, name: string, time: Date) {
  return { time: time.toISOString(), user: by.name, ledger: 'backups', rowId: null, action: 'backup', before: null, after: { name } };
}
