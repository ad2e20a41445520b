import { fromBuffer } from 'file-type';

/** How many leading bytes the type sniffer reads (file-type's own need). */
export const SNIFF_BYTES = 4100;

/** True when the bytes read as UTF-8 text without control characters other than tab, newlines and form feed. */
function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  // A multi-byte character may be cut at the end of the sample: ignore up to 3 trailing bytes.
  for (let cut = 0; cut <= 3; cut += 1) {
    const sample = head.subarray(0, Math.max(0, head.length - cut));
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(sample);
      // Control characters other than tab, newline, form feed and carriage return mark binary content.
      // eslint-disable-next-line no-control-regex -- matching control characters is the point of this test.
      return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
    } catch {
      continue;
    }
  }
  return false;
}

/** The MIME type of a file from its first bytes: never from its name or what the client claimed. */
export async function sniffMimeType(head: Buffer): Promise<string> {
  const detected = await fromBuffer(head);
  if (detected) return detected.mime;
  return looksLikeText(head) ? 'text/plain' : 'application/octet-stream';
}
