import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { webStaticHandler } from './web-static';

/**
 * Serves the web app at `/`. Registered in `onModuleInit` on purpose: Nest has mounted its routes by then but not
 * yet its 404 handler, so API routes win and unknown `/api/…` paths still get the JSON 404.
 */
@Module({})
export class WebModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter.use(webStaticHandler());
  }
}
