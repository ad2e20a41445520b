import { Module } from '@nestjs/common';
import { JitsModule } from '../../jits';
import { RecordModule } from '../../record';
import { FoldersController } from './folders.controller';
import { FoldersService } from './folders.service';

/** Owns `evidence_folders`. */
@Module({
  imports: [JitsModule, RecordModule],
  controllers: [FoldersController],
  providers: [FoldersService],
  exports: [FoldersService],
})
export class FoldersModule {}
