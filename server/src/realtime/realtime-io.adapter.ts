import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/**
 * socket.io on the API's own port. With REDIS_URL, fan-out goes through Redis so that a change
 * made through one server process reaches the sockets held by every other; without it, one
 * process serves everything.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private clients: Redis[] = [];
  private redisAdapter: ReturnType<typeof createAdapter> | null = null;

  constructor(app: INestApplicationContext, redis: { url?: string; keyPrefix: string }) {
    super(app);
    if (redis.url) {
      const publisher = new Redis(redis.url, { lazyConnect: false, maxRetriesPerRequest: null });
      const subscriber = publisher.duplicate();
      this.clients = [publisher, subscriber];
      this.redisAdapter = createAdapter(publisher, subscriber, { key: redis.keyPrefix });
    }
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, { ...options, path: '/socket.io', serveClient: false }) as Server;
    if (this.redisAdapter) server.adapter(this.redisAdapter);
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.all(this.clients.map((client) => client.quit().catch(() => undefined)));
  }
}
