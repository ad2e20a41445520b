import { Entity, Index } from 'typeorm';
import type { WorkSubjectType } from '@jit/shared';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../database';

/**
 * A link between two work subjects. The ends are stored in a fixed order (a before b) so that one
 * pair has one row whichever end it was made from; removal deletes the row, and the record keeps
 * who linked and unlinked what.
 */
@Entity('links')
@Index('uq_links_pair', ['jitId', 'aType', 'aId', 'bType', 'bId'], { unique: true })
@Index('ix_links_b', ['jitId', 'bType', 'bId'])
export class LinkEntity {
  @IdColumn() id: string;
  @RefColumn() jitId: string;
  @TextColumn(16) aType: WorkSubjectType;
  @RefColumn() aId: string;
  @TextColumn(16) bType: WorkSubjectType;
  @RefColumn() bId: string;
  @RefColumn() createdBy: string;
  @RefColumn() createdByPartyId: string;
  @InstantColumn() createdAt: Date;
}
