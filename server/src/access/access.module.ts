import { Module } from '@nestjs/common';
import { AccessService } from './access.service';
import { ReadAccessService } from './read-access.service';

/** The one place that decides access: what a caller may do (AccessService, whose guard AppModule registers for every route) and what a reader may read (ReadAccessService). */
@Module({ providers: [AccessService, ReadAccessService], exports: [AccessService, ReadAccessService] })
export class AccessModule {}
