import { ERROR_CODES, UPLOAD_METADATA_KEYS, type ErrorCode } from '@jit/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import * as tus from 'tus-js-client';
import { readCookie } from '../../../lib/api-client';
import { uploadsEndpoint } from '../api/evidence';
import { SpeedMeter, timeLeft, uploadIdFromUrl } from '../utils/format';

export const CHUNK_SIZE = 8 * 1024 * 1024;
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000];
const PROGRESS_INTERVAL_MS = 250;

export type TransferPhase = 'starting' | 'uploading' | 'paused' | 'complete' | 'failed' | 'cancelled';

export interface TransferState {
  phase: TransferPhase;
  bytesSent: number;
  bytesTotal: number;
  /** Bytes per second over the last seconds. */
  speed: number;
  /** Seconds, Infinity while unknown. */
  secondsLeft: number;
  /** Known once the server has created the upload. */
  uploadId: string | null;
  /** True when this continues an upload begun earlier (same file, e.g. before a page reload). */
  resumed: boolean;
  /** The server's error code, or `network` when no answer came. */
  error: ErrorCode | 'network' | null;
}

const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);

/** The server's error code in a tus failure (its JSON body), or `network` when it never answered. */
export function tusErrorCode(error: unknown): ErrorCode | 'network' {
  const response = error instanceof tus.DetailedError ? error.originalResponse : null;
  if (!response) return 'network';
  try {
    const body = JSON.parse(response.getBody()) as { error?: unknown };
    if (isErrorCode(body.error)) return body.error;
  } catch {
    // not JSON: fall back on the status
  }
  const status = response.getStatus();
  return status === 403 ? 'forbidden' : status === 404 ? 'not_found' : status === 401 ? 'unauthenticated' : 'internal_error';
}

/** One file per JIT and browser: the same file picked again resumes where it stopped. */
const fingerprint = (file: File, options: tus.UploadOptions): Promise<string> =>
  Promise.resolve(['jit-evidence', options.endpoint, file.name, file.type, file.size, file.lastModified].join('|'));

/**
 * Sends one file over tus 1.0, resumable across pauses, network failures and page reloads.
 * Starts on mount; pause keeps the bytes on the server, cancel terminates the upload there.
 */
export function useTusUpload(jitId: string, file: File) {
  const [state, setState] = useState<TransferState>({
    phase: 'starting',
    bytesSent: 0,
    bytesTotal: file.size,
    speed: 0,
    secondsLeft: Infinity,
    uploadId: null,
    resumed: false,
    error: null,
  });
  const uploadRef = useRef<tus.Upload | null>(null);
  const meterRef = useRef(new SpeedMeter());
  const lastUpdateRef = useRef(0);
  const trailingRef = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let disposed = false;
    const meter = meterRef.current;
    const patch = (next: Partial<TransferState>) => {
      if (!disposed) setState((previous) => ({ ...previous, ...next }));
    };
    const metadata: Record<string, string> = { [UPLOAD_METADATA_KEYS.fileName]: file.name };
    if (file.type) metadata[UPLOAD_METADATA_KEYS.fileType] = file.type;

    const upload = new tus.Upload(file, {
      // Absolute, so the server's relative Location resolves against it.
      endpoint: new URL(uploadsEndpoint(jitId), window.location.origin).toString(),
      chunkSize: CHUNK_SIZE,
      metadata,
      // tus-js-client sends Tus-Resumable: 1.0.0 itself; a second one would be joined into "1.0.0, 1.0.0".
      fingerprint,
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      retryDelays: RETRY_DELAYS,
      // The XSRF token is read at each request, so a renewed cookie is picked up mid-upload.
      onBeforeRequest: (request) => {
        const token = readCookie('XSRF-TOKEN');
        if (token) request.setHeader('X-XSRF-TOKEN', token);
      },
      onUploadUrlAvailable: () => patch({ uploadId: uploadIdFromUrl(upload.url) }),
      onProgress: (bytesSent, bytesTotal) => {
        const now = Date.now();
        meter.add(bytesSent, now);
        const show = () => {
          lastUpdateRef.current = Date.now();
          const speed = meter.rate();
          patch({ phase: 'uploading', bytesSent, bytesTotal, speed, secondsLeft: timeLeft(bytesTotal - bytesSent, speed) });
        };
        if (trailingRef.current) clearTimeout(trailingRef.current);
        trailingRef.current = null;
        // Redraws are spaced out; the last skipped value is still shown once the interval ends, so
        // a stalled transfer never leaves the bar behind the bytes already sent.
        const wait = PROGRESS_INTERVAL_MS - (now - lastUpdateRef.current);
        if (wait > 0 && bytesSent < bytesTotal) trailingRef.current = setTimeout(show, wait);
        else show();
      },
      onSuccess: () => {
        // A pending redraw would otherwise turn the finished row back to "uploading".
        if (trailingRef.current) clearTimeout(trailingRef.current);
        patch({ phase: 'complete', bytesSent: file.size, secondsLeft: 0, speed: 0, uploadId: uploadIdFromUrl(upload.url), error: null });
      },
      onError: (error) => patch({ phase: 'failed', error: tusErrorCode(error), speed: 0, secondsLeft: Infinity }),
    });
    uploadRef.current = upload;

    // Deferred so that React's strict-mode mount/unmount/mount starts one upload, not two.
    const timer = setTimeout(() => {
      void upload
        .findPreviousUploads()
        .then((previous) => {
          if (disposed) return;
          const latest = [...previous].sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
          if (latest) {
            upload.resumeFromPreviousUpload(latest);
            patch({ resumed: true, uploadId: uploadIdFromUrl(latest.uploadUrl) });
          }
          patch({ phase: 'uploading' });
          upload.start();
        })
        .catch(() => {
          if (!disposed) upload.start();
        });
    }, 0);

    return () => {
      disposed = true;
      if (trailingRef.current) clearTimeout(trailingRef.current);
      clearTimeout(timer);
      // Leaving the screen pauses: picking the same file again resumes.
      void upload.abort(false).catch(() => undefined);
      uploadRef.current = null;
    };
  }, [jitId, file]);

  const pause = useCallback(() => {
    void uploadRef.current?.abort(false);
    meterRef.current.reset();
    setState((previous) => ({ ...previous, phase: 'paused', speed: 0, secondsLeft: Infinity }));
  }, []);

  const resume = useCallback(() => {
    setState((previous) => ({ ...previous, phase: 'uploading', error: null }));
    uploadRef.current?.start();
  }, []);

  const cancel = useCallback(() => {
    const upload = uploadRef.current;
    setState((previous) => ({ ...previous, phase: 'cancelled', speed: 0, secondsLeft: Infinity }));
    // Terminates on the server (tus DELETE) when the upload exists there.
    if (upload) void upload.abort(Boolean(upload.url)).catch(() => undefined);
  }, []);

  return { state, pause, resume, cancel };
}
