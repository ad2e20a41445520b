import { Module } from '@nestjs/common';
import { RecordModule } from '../../record/record.module';
import { TusController } from './tus.controller';
import { UploadsService } from './uploads.service';

/** Owns `uploads`: the tus protocol and the upload state machine. Others claim uploads and hear of completions through UploadsService. */
@Module({
  imports: [RecordModule],
  controllers: [TusController],
  providers: [UploadsService],
  exports: [UploadsService],
})
export class UploadsModule {}
