import { Module } from '@nestjs/common';
import { AccessModule } from '../../access';
import { RecordModule } from '../../record';
import { TusController } from './tus.controller';
import { UploadsService } from './uploads.service';

/** Owns `uploads`: the tus protocol and the upload state machine. Others claim uploads and hear of completions through UploadsService. */
@Module({
  imports: [AccessModule, RecordModule],
  controllers: [TusController],
  providers: [UploadsService],
  exports: [UploadsService],
})
export class UploadsModule {}
