/**
 * The evidence tables' entities, and nothing else: database/, access/ and subjects/ import them
 * from here, because importing the module (index.ts) from code the module itself depends on would
 * be an import cycle.
 */
export { EvidenceFolder } from './folders/folder.entity';
export { EvidenceItemRecord } from './items/evidence-item.entity';
export { EvidenceVersionRecord } from './items/evidence-version.entity';
export { EvidenceUpload } from './uploads/upload.entity';
