import { Module } from '@nestjs/common';
import { AccessService } from './access.service';

/** The one place that decides access; its guard is registered for every route by AppModule. */
@Module({ providers: [AccessService], exports: [AccessService] })
export class AccessModule {}
