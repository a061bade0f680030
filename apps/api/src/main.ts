import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { DemoSeeder } from '@app/org';
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
  await app.listen(config.port, config.host);
  printWelcome(
    config.publicUrl,
    config.database.type === 'sqlite' ? config.database.file : config.database.database,
    seeder.logins(),
    seeded,
    config.demoData,
  );
}

function printWelcome(
  url: string,
  database: string,
  logins: ReturnType<DemoSeeder['logins']>,
  seeded: boolean,
  demo: boolean,
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
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

void bootstrap();
