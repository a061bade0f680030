import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { DemoSeeder, OrgBootstrap } from '@app/org';
import { createApiApp } from './create-app';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  process.env.TZ = config.timeZone;
  const app = await createApiApp(config);
  const seeder = app.get(DemoSeeder);
  const seeded = config.demoData ? await seeder.seedIfEmpty() : false;
  const empty = !config.demoData && (await app.get(OrgBootstrap).isEmpty());
  await app.listen(config.port, config.host);
  printWelcome(
    config.publicUrl,
    config.database.type === 'sqlite' ? config.database.file : config.database.database,
    seeder.logins(),
    seeded,
    config.demoData,
    empty,
  );
}

function printWelcome(
  url: string,
  database: string,
  logins: ReturnType<DemoSeeder['logins']>,
  seeded: boolean,
  demo: boolean,
  empty: boolean,
): void {
  const lines = [
    '',
    `  土壤污染防治行动计划 任务调度与督办系统 is running at ${url}`,
    `  API: ${url}/api   OpenAPI docs: ${url}/api/docs   Database: ${database}`,
  ];
  if (demo) {
    lines.push(seeded ? '  Demo organisation created (阳江市). Logins:' : '  Demo logins (created on first start):');
    for (const login of logins) {
      lines.push(`    ${login.username.padEnd(16)} ${login.password}   ${login.role.padEnd(13)} ${login.displayName}`);
    }
  }
  if (empty) {
    lines.push(
      '  数据库中还没有组织机构。The database has no organisation yet; create the government, its office and the first',
      '  administrator with:  ADMIN_PASSWORD=… npm run cli -- org init --government 某某市人民政府',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

void bootstrap();
