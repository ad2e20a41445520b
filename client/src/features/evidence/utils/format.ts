import { isUuid, languageDirection, type EvidenceListQuery } from '@jit/shared';
import { formattingLocale } from '../../../lib/dates';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** Bytes in binary steps (1 KB = 1024 B), e.g. "1.5 MB"; the number follows the interface language. */
export function formatBytes(bytes: number, language = 'en'): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const size = `${new Intl.NumberFormat(formattingLocale(language), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${UNITS[unit]}`;
  // In a right-to-left sentence "608 B" would be reordered to "B 608": isolate it as a left-to-right run.
  return languageDirection(language) === 'rtl' ? `\u2066${size}\u2069` : size;
}

/** A transfer rate, e.g. "2.4 MB/s". */
export const formatSpeed = (bytesPerSecond: number, language = 'en'): string =>
  Number.isFinite(bytesPerSecond) && bytesPerSecond > 0 ? `${formatBytes(bytesPerSecond, language)}/s` : '—';

/** Seconds as "1:05:09" or "4:07"; unknown or infinite as "—". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const total = Math.ceil(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** Seconds left at the current rate, or Infinity while the rate is unknown. */
export const timeLeft = (bytesLeft: number, bytesPerSecond: number): number => (bytesLeft <= 0 ? 0 : bytesPerSecond > 0 ? bytesLeft / bytesPerSecond : Infinity);

/**
 * A smoothed transfer rate from progress samples: the bytes over the last `windowMs`, so a pause or
 * a burst does not make the estimate jump.
 */
export class SpeedMeter {
  private samples: Array<{ at: number; bytes: number }> = [];

  constructor(private readonly windowMs = 5000) {}

  add(bytes: number, at: number): void {
    const last = this.samples.at(-1);
    if (last && bytes < last.bytes) this.samples = [];
    this.samples.push({ at, bytes });
    while (this.samples.length > 2 && at - this.samples[0].at > this.windowMs) this.samples.shift();
  }

  /** Bytes per second, 0 until two samples are apart in time. */
  rate(): number {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last.at <= first.at) return 0;
    return ((last.bytes - first.bytes) * 1000) / (last.at - first.at);
  }

  reset(): void {
    this.samples = [];
  }
}

/** The query string of the evidence list: empty values are left out, keys in a stable order. */
export function buildEvidenceListQuery(query: EvidenceListQuery): string {
  const params = new URLSearchParams();
  const keys: Array<keyof EvidenceListQuery> = [
    'status',
    'folderId',
    'partyId',
    'documentType',
    'handlingCode',
    'uploadedBy',
    'obtainedFrom',
    'obtainedTo',
    'q',
    'sort',
    'order',
    'limit',
    'cursor',
  ];
  for (const key of keys) {
    const value = query[key];
    if (value === undefined || value === null) continue;
    const text = typeof value === 'string' ? value.trim() : String(value);
    if (text !== '') params.set(key, text);
  }
  return params.toString();
}

/** Comma-separated tags as a clean, de-duplicated list. */
export const parseTags = (text: string): string[] => [
  ...new Set(
    text
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
  ),
];

/** The upload id is the last segment of the tus upload URL (`/api/jits/:jitId/uploads/:uploadId`). */
export function uploadIdFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const path = url.split(/[?#]/)[0].replace(/\/+$/, '');
  const id = path.slice(path.lastIndexOf('/') + 1);
  return isUuid(id) ? id : null;
}

/** MIME types the server shows inline, and how the client previews them. */
export type PreviewKind = 'image' | 'pdf' | 'text' | 'audio' | 'video' | null;
export function previewKindOf(mimeType: string | null | undefined): PreviewKind {
  const type = (mimeType ?? '').toLowerCase();
  if (/^image\/(png|jpeg|gif|webp)$/.test(type)) return 'image';
  if (type === 'application/pdf') return 'pdf';
  if (type === 'text/plain') return 'text';
  if (/^audio\/[\w.+-]+$/.test(type)) return 'audio';
  if (/^video\/[\w.+-]+$/.test(type)) return 'video';
  return null;
}
