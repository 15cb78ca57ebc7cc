import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app/app.module';
import { loadConfig } from './app/config/app-config';
import { configureApp, createHttpAdapter } from './app/configure-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), createHttpAdapter(config), {
    bufferLogs: true,
  });
  await configureApp(app, config);
  // Fastify listens on localhost only unless told otherwise; in a container the port must be reachable.
  await app.listen(config.port, '0.0.0.0');
  // Which Node serves is a support question (the supported line is package.json's `engines`): say it once.
  new Logger('Bootstrap').log(`Listening on port ${config.port} (Node ${process.version})`);
}

bootstrap().catch((error: unknown) => {
  // Configuration errors are meant to be read by a person: print the message, not a stack.
  console.error(error instanceof Error && error.message.startsWith('Invalid configuration') ? error.message : error);
  process.exit(1);
});
