import { Module } from '@nestjs/common';
import { RecordModule } from '../../record';
import { ItemsModule } from '../items/items.module';
import { CustodyController } from './custody.controller';
import { CustodyService } from './custody.service';

/** The custody log, reads of content and fixity checks; owns no table (it writes to the record and through ItemsService). */
@Module({
  imports: [RecordModule, ItemsModule],
  controllers: [CustodyController],
  providers: [CustodyService],
  exports: [CustodyService],
})
export class CustodyModule {}
