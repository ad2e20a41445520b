/**
 * The evidence tables' entities, and nothing else: database/, access/ and subjects/ import them
 * from here, because importing the module (index.ts) from code the module itself depends on would
 * be an import cycle.
 */
export { EvidenceFolderEntity } from './folders/folder.entity';
export { EvidenceItemEntity } from './items/evidence-item.entity';
export { EvidenceVersionEntity } from './items/evidence-version.entity';
export { EvidenceUploadEntity } from './uploads/upload.entity';
