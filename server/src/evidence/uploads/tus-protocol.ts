import { UPLOAD_METADATA_KEYS } from '@jit/shared';
import { AppError, invalid } from '../../common';

/** The tus protocol version and extensions this server speaks. */
export const TUS_VERSION = '1.0.0';
export const TUS_EXTENSIONS = 'creation,termination';
export const TUS_CONTENT_TYPE = 'application/offset+octet-stream';

export interface UploadDeclaration {
  length: number;
  fileName: string;
  declaredType: string;
  declaredSha256: string | null;
}

/** Every tus request but OPTIONS names the protocol version; 412 otherwise, as tus requires. */
export function requireTusVersion(header: string | undefined): void {
  if (header !== TUS_VERSION) {
    throw new AppError(412, 'tus_version_unsupported', `This server speaks tus ${TUS_VERSION}; send the header Tus-Resumable: ${TUS_VERSION}.`);
  }
}

/** `Upload-Metadata`: comma-separated `key base64value` pairs. */
export function parseUploadMetadata(header: string | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (!header) return result;
  for (const pair of header.split(',')) {
    const [key, value = '', extra] = pair.trim().split(' ');
    if (!key || extra !== undefined || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
      throw invalid([{ field: 'Upload-Metadata', code: 'invalid_value' }], 'The Upload-Metadata header is not valid tus metadata.');
    }
    result[key] = Buffer.from(value, 'base64').toString('utf8');
  }
  return result;
}

/**
 * A file name is shown to people and used in downloads, never as a storage path; still, names that
 * try to climb directories or carry control characters are refused rather than silently changed.
 */
export function checkFileName(name: string | undefined): string {
  const trimmed = (name ?? '').trim();
  const bad =
    trimmed.length === 0 ||
    trimmed.length > 255 ||
    // eslint-disable-next-line no-control-regex -- a file name with control characters is refused; matching them is the point.
    /[\u0000-\u001f\u007f]/.test(trimmed) ||
    /[/\\]/.test(trimmed) ||
    trimmed === '.' ||
    trimmed === '..';
  if (bad) {
    throw invalid([{ field: 'filename', code: 'invalid_value' }], 'The file name must be 1 to 255 characters, without folders ("/", "\\") or control characters.');
  }
  return trimmed.normalize('NFC');
}

/** Reads and checks what a tus creation request declares. */
export function parseDeclaration(lengthHeader: string | undefined, metadataHeader: string | undefined): UploadDeclaration {
  if (lengthHeader === undefined) {
    throw invalid([{ field: 'Upload-Length', code: 'required' }], 'Send the file size in Upload-Length; deferred lengths are not supported.');
  }
  if (!/^\d{1,16}$/.test(lengthHeader) || !Number.isSafeInteger(Number(lengthHeader))) {
    throw invalid([{ field: 'Upload-Length', code: 'invalid_type' }], 'Upload-Length must be a whole number of bytes.');
  }
  const length = Number(lengthHeader);
  if (length === 0) throw invalid([{ field: 'Upload-Length', code: 'out_of_range' }], 'The file is empty: an empty file cannot be evidence.');
  const metadata = parseUploadMetadata(metadataHeader);
  const declaredSha256 = metadata[UPLOAD_METADATA_KEYS.sha256]?.toLowerCase() ?? null;
  if (declaredSha256 !== null && !/^[0-9a-f]{64}$/.test(declaredSha256)) {
    throw invalid([{ field: 'sha256', code: 'invalid_value' }], 'The declared SHA-256 must be 64 hexadecimal characters.');
  }
  return {
    length,
    fileName: checkFileName(metadata[UPLOAD_METADATA_KEYS.fileName]),
    declaredType: (metadata[UPLOAD_METADATA_KEYS.fileType] ?? '').slice(0, 255),
    declaredSha256,
  };
}
