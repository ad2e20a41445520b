import { Module } from '@nestjs/common';
import { JobLeasesService } from './job-leases.service';

/** One lease holder per server process, shared by every scheduled job in it. */
@Module({ providers: [JobLeasesService], exports: [JobLeasesService] })
export class JobsModule {}
