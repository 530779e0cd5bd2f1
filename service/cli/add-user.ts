// npm run add-user -- <名称> <角色> [角色…]   Creates a user and prints the token once.

import { configFromEnv } from '../config.ts';
import { Documents } from '../store/documents.ts';
import { UserDirectory } from '../users.ts';

const [name, ...roles] = process.argv.slice(2);
if (!name || roles.length === 0) {
  console.error('用法：npm run add-user -- <名称> <角色> [角色…]');
  console.error('角色：admin affairs files general disposal viewer team:速执团队 team:特执团队 team:首执团队 team:执恢团队');
  process.exit(2);
}
try {
  const { dataDir } = configFromEnv();
  const token = await new UserDirectory(new Documents(dataDir)).add(name, roles);
  console.log(`已创建用户「${name}」（${roles.join('、')}）。令牌只显示这一次：`);
  console.log(token);
} catch (error) {
  console.error(`创建用户失败：${(error as Error).message}`);
  process.exit(1);
}
