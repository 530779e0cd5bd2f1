// npm run add-user -- <名称> <角色> [角色…]   Creates a user and prints the token once, with the
// data directory it wrote. The same checks as the admin page: a known role, a configured team.
// The data directory must exist already (the service's first start makes it): a command that made
// one where DATA_DIR was mistyped, or unset in another folder, would add a user no service reads.

import { existsSync, statSync } from 'node:fs';
import { configFromEnv } from '../config.ts';
import { Documents } from '../store/documents.ts';
import { configuredTeams, TEAM_ROLE_PREFIX, UserDirectory } from '../users.ts';

const [name, ...roles] = process.argv.slice(2);
if (!name || roles.length === 0) {
  console.error('用法：npm run add-user -- <名称> <角色> [角色…]');
  console.error(
    `角色：admin affairs files general disposal viewer ${configuredTeams()
      .map((team) => TEAM_ROLE_PREFIX + team)
      .join(' ')}`,
  );
  process.exit(2);
}
try {
  const { dataDir } = configFromEnv();
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    const how = process.env.DATA_DIR
      ? `DATA_DIR 指向的数据目录 ${dataDir} 不存在，请核对路径`
      : `未设置 DATA_DIR，当前目录下也没有数据目录 ${dataDir}。请在服务的安装目录运行本命令，或以 DATA_DIR 指定服务的数据目录`;
    throw new Error(`${how}；如尚未启动过服务，请先运行 npm start（首次启动会创建数据目录和管理员）`);
  }
  const token = await new UserDirectory(new Documents(dataDir)).add(name, roles);
  console.log(`已在数据目录 ${dataDir} 中创建用户「${name.trim()}」（${roles.join('、')}）。令牌只显示这一次：`);
  console.log(token);
} catch (error) {
  console.error(`创建用户失败：${(error as Error).message}`);
  process.exit(1);
}
