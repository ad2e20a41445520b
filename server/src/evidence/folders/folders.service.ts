import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { type Folder } from '@jit/shared';
import type { JitAccess } from '../../access';
import { created, invalid, type RequestContext } from '../../common';
import { Transactions } from '../../database';
import { JitsService } from '../../jits';
import { memberActor, RecordService } from '../../record';
import type { CreateFolderDto } from './folder.dto';
import { EvidenceFolderEntity } from './folder.entity';

const toFolder = (f: EvidenceFolderEntity): Folder => ({ id: f.id, parentId: f.parentId, name: f.name, createdAt: f.createdAt.toISOString() });

/** The folders evidence is filed in; the only code that touches `evidence_folders`. */
@Injectable()
export class FoldersService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly jits: JitsService,
    private readonly record: RecordService,
  ) {}

  async listFolders(access: JitAccess): Promise<Folder[]> {
    const folders = await this.dataSource.getRepository(EvidenceFolderEntity).find({ where: { jitId: access.jit.id }, order: { name: 'ASC' } });
    return folders.map(toFolder);
  }

  async createFolder(context: RequestContext, access: JitAccess, dto: CreateFolderDto): Promise<Folder> {
    return this.transactions.run(async (manager) => {
      await this.jits.loadForWrite(manager, access.jit.id);
      if (dto.parentId) await this.requireFolder(manager, access, dto.parentId, 'parentId');
      const folder = manager.create(EvidenceFolderEntity, {
        id: randomUUID(),
        jitId: access.jit.id,
        parentId: dto.parentId ?? null,
        name: dto.name,
        createdBy: access.user.id,
        createdAt: new Date(),
      });
      await manager.insert(EvidenceFolderEntity, { ...folder });
      await this.record.append(manager, memberActor(context, access), {
        action: 'folder.created',
        subjectId: folder.id,
        changes: created({ name: folder.name, parentId: folder.parentId }),
      });
      return toFolder(folder);
    });
  }

  /** Refuses (400 on `field`) a folder that is not one of this JIT's. */
  async requireFolder(manager: EntityManager, access: JitAccess, folderId: string, field: string): Promise<void> {
    if (!(await manager.getRepository(EvidenceFolderEntity).existsBy({ id: folderId, jitId: access.jit.id }))) {
      throw invalid([{ field, code: 'invalid_value' }], 'Choose a folder of this JIT.');
    }
  }
}
