// src/main.ts (Express or Fastify adapter; enableCors must run before listen)
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableCors({
    origin: [{{ORIGINS}}], // exact allowlist; never `true` (reflects any origin) {{?!PATTERNS}}
    origin: [{{ORIGINS}}, {{PATTERNS_JS|$}}], // exact allowlist; never `true` (reflects any origin) {{?PATTERNS}}
    methods: [{{METHODS}}],
    allowedHeaders: [{{HEADERS}}],
    exposedHeaders: [{{EXPOSE}}], {{?EXPOSE}}
    credentials: true, {{?CREDENTIALS}}
    maxAge: {{MAX_AGE}}, {{?MAX_AGE}}
  });
  await app.listen(8080, '127.0.0.1');
}
bootstrap();
