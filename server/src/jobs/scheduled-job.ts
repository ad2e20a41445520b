import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * A job every server process schedules on a fixed tick. Whether a tick does any work is for the
 * subclass to decide, usually by taking a lease (JobLeasesService) so one process runs it at a time.
 * Shutdown waits for a running tick, so no work is cut off halfway.
 */
export abstract class ScheduledJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  protected constructor(
    private readonly logger: Logger,
    private readonly tickMs: number,
  ) {}

  abstract tick(now?: Date): Promise<unknown>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.tick().catch((error: unknown) => this.logger.error(error instanceof Error ? error.message : String(error)));
    }, this.tickMs);
    // A pending tick must not keep a finished process (a test, the demo seeder) alive.
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
