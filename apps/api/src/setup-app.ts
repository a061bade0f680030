import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { json, urlencoded } from 'express';
import type { AppConfig } from '@app/config';
import { ErrorBody } from './common/error-body';
import { withErrorResponses } from './common/openapi-errors';
import { createValidationPipe } from './common/validation';
import { requestIdMiddleware } from './common/request-id.middleware';

/** Everything about the HTTP pipeline that tests and `main.ts` must share. */
export function setupApp(app: NestExpressApplication, config: AppConfig): INestApplication {
  app.use(requestIdMiddleware);
  app.use(json({ limit: `${config.bodyLimitKb}kb` }));
  app.use(urlencoded({ extended: false, limit: `${config.bodyLimitKb}kb` }));
  app.use(cookieParser());
  app.disable('x-powered-by');
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = withErrorResponses(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('土壤污染防治行动计划 任务调度与督办系统 API')
        .setDescription(
          '领导小组办公室、责任单位、督查与领导使用的接口。登录后浏览器使用会话 Cookie，API 客户端使用 Bearer token。',
        )
        .setVersion('0.1.0')
        .addBearerAuth()
        .addCookieAuth('sid')
        .build(),
      { extraModels: [ErrorBody] },
    ),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
