import type { UploadStatusView } from '@jit/shared';
import type { EvidenceUploadEntity } from './upload.entity';

/** What the metadata form shows while the bytes travel, with the item these bytes duplicate, if any. */
export function toUploadStatus(upload: EvidenceUploadEntity, duplicateOfItemId: string | null): UploadStatusView {
  return {
    id: upload.id,
    length: upload.length,
    offset: upload.offset,
    status: upload.status,
    fileName: upload.fileName,
    sha256: upload.sha256,
    mimeType: upload.mimeType,
    duplicateOfItemId,
    failureReason: upload.failureReason,
  };
}
