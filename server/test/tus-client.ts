import { open } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { Response } from 'supertest';
import type { UploadStatusView } from '@jit/shared';
import type { ApiClient } from './harness';

/**
 * A small tus 1.0 client (core, creation, termination) over an ApiClient's supertest agent, for the
 * integration tests: it sends what a real tus client sends, and lets a test leave out or change any
 * header. `rawPatch` goes through node:http directly, for what supertest cannot do: a request cut
 * off mid-body, or a body without Content-Length.
 */

export const TUS_VERSION = '1.0.0';
export const TUS_CONTENT_TYPE = 'application/offset+octet-stream';
export const MIB = 1024 * 1024;

/** Header values a call adds or changes; `null` leaves a default header out. */
export type HeaderOverrides = Record<string, string | null>;

/** What a creation request declares (Upload-Length and the tus metadata). */
export interface UploadDeclaration {
  length: number;
  fileName?: string;
  fileType?: string;
  sha256?: string;
}

/** The bytes of an upload: a Buffer in memory, or a file read one slice at a time. */
export interface ByteSource {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
}

export const bufferSource = (bytes: Buffer): ByteSource => ({
  size: bytes.length,
  read: (offset, length) => Promise.resolve(bytes.subarray(offset, offset + length)),
});

/** Reads slices of a file on demand: a 200 MB file never sits in memory as a whole. */
export const fileSource = (path: string, size: number): ByteSource => ({
  size,
  async read(offset, length) {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },
});

/** tus `Upload-Metadata`: `key base64(value)` pairs separated by commas. */
export function encodeMetadata(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
    .join(',');
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

type Verb = 'post' | 'patch' | 'head' | 'delete' | 'get' | 'options';
type Pending = ReturnType<ApiClient['agent']['get']>;

export class TusClient {
  constructor(
    readonly client: ApiClient,
    readonly jitId: string,
  ) {}

  get collection(): string {
    return `/api/jits/${this.jitId}/uploads`;
  }

  url(uploadId: string): string {
    return `${this.collection}/${uploadId}`;
  }

  /** The CSRF header on mutating requests, Tus-Resumable on every tus request, then the overrides. */
  private request(verb: Verb, url: string, defaults: HeaderOverrides, overrides: HeaderOverrides): Pending {
    const headers: HeaderOverrides = { 'User-Agent': 'jest-tus-client', ...defaults, ...overrides };
    if (verb !== 'get' && verb !== 'head' && verb !== 'options' && this.client.csrf && !('X-XSRF-TOKEN' in overrides)) headers['X-XSRF-TOKEN'] = this.client.csrf;
    let pending = this.client.agent[verb](url);
    for (const [name, value] of Object.entries(headers)) if (value !== null) pending = pending.set(name, value);
    return pending;
  }

  /** OPTIONS: the server's tus capabilities. */
  options(): Promise<Response> {
    return this.request('options', this.collection, {}, {});
  }

  /** POST: creates an upload and answers the raw response (201 with Location on success). */
  create(declaration: UploadDeclaration, overrides: HeaderOverrides = {}): Promise<Response> {
    const metadata = encodeMetadata({ filename: declaration.fileName ?? 'evidence.bin', filetype: declaration.fileType, sha256: declaration.sha256 });
    return this.request('post', this.collection, { 'Tus-Resumable': TUS_VERSION, 'Upload-Length': String(declaration.length), 'Upload-Metadata': metadata }, overrides);
  }

  /** Creates an upload and answers its id; throws unless the server answered 201. */
  async start(declaration: UploadDeclaration): Promise<string> {
    const response = await this.create(declaration);
    const location = String(response.headers.location ?? '');
    if (response.status !== 201 || !location.startsWith(`${this.collection}/`)) {
      throw new Error(`upload creation failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return location.slice(this.collection.length + 1);
  }

  /** PATCH: one chunk at `offset`. */
  patch(uploadId: string, offset: number, chunk: Buffer, overrides: HeaderOverrides = {}): Promise<Response> {
    return this.request('patch', this.url(uploadId), { 'Tus-Resumable': TUS_VERSION, 'Upload-Offset': String(offset), 'Content-Type': TUS_CONTENT_TYPE }, overrides).send(chunk);
  }

  /** HEAD: where the upload stands (Upload-Offset, Upload-Length). */
  head(uploadId: string, overrides: HeaderOverrides = {}): Promise<Response> {
    return this.request('head', this.url(uploadId), { 'Tus-Resumable': TUS_VERSION }, overrides);
  }

  /** DELETE (termination): abandons the upload. */
  delete(uploadId: string, overrides: HeaderOverrides = {}): Promise<Response> {
    return this.request('delete', this.url(uploadId), { 'Tus-Resumable': TUS_VERSION }, overrides);
  }

  /** GET …/status (not tus): hash, sniffed type and duplicate once complete. */
  status(uploadId: string): Promise<Response> {
    return this.request('get', `${this.url(uploadId)}/status`, {}, {});
  }

  async statusView(uploadId: string): Promise<UploadStatusView> {
    const response = await this.status(uploadId);
    if (response.status !== 200) throw new Error(`upload status failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as UploadStatusView;
  }

  /** The offset the server holds, from HEAD, as a resuming client learns it. */
  async offsetOf(uploadId: string): Promise<number> {
    const response = await this.head(uploadId);
    if (response.status !== 200) throw new Error(`HEAD failed: ${response.status}`);
    return Number(response.headers['upload-offset']);
  }

  /**
   * Sends the bytes from `from` (default: the offset HEAD reports) up to `to` (default: the end) in
   * chunks, checking every answer; returns the offset reached.
   */
  async send(uploadId: string, source: ByteSource, options: { chunkSize: number; from?: number; to?: number }): Promise<number> {
    let offset = options.from ?? (await this.offsetOf(uploadId));
    const end = options.to ?? source.size;
    while (offset < end) {
      const chunk = await source.read(offset, Math.min(options.chunkSize, end - offset));
      const response = await this.patch(uploadId, offset, chunk);
      if (response.status !== 204) throw new Error(`PATCH at ${offset} failed: ${response.status} ${JSON.stringify(response.body)}`);
      const reached = Number(response.headers['upload-offset']);
      if (reached !== offset + chunk.length) throw new Error(`PATCH at ${offset} of ${chunk.length} bytes answered Upload-Offset ${reached}`);
      offset = reached;
    }
    return offset;
  }

  /** Creates an upload and sends all of it; answers the upload id. */
  async upload(source: ByteSource | Buffer, declaration: Omit<UploadDeclaration, 'length'> = {}, chunkSize = 4 * MIB): Promise<string> {
    const bytes = Buffer.isBuffer(source) ? bufferSource(source) : source;
    const uploadId = await this.start({ ...declaration, length: bytes.size });
    await this.send(uploadId, bytes, { chunkSize, from: 0 });
    return uploadId;
  }

  /**
   * A PATCH through node:http with the session cookie and CSRF header of the client. `body` is sent
   * whole with its Content-Length unless the overrides say otherwise (`'Content-Length': null`
   * sends it with Transfer-Encoding: chunked). With `abortAfter`, only that many bytes are written before the socket is
   * destroyed: the answer is then 'aborted' (or the server's, had it answered first).
   */
  async rawPatch(uploadId: string, offset: number, body: Buffer, options: { overrides?: HeaderOverrides; abortAfter?: number } = {}): Promise<RawResponse | 'aborted'> {
    const port = portOf(this.client.testApp.app.getHttpServer());
    const cookie = this.client.agent.jar.getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false }).toValueString();
    const defaults: HeaderOverrides = {
      Cookie: cookie,
      'X-XSRF-TOKEN': this.client.csrf ?? '',
      'User-Agent': 'jest-tus-client',
      'Tus-Resumable': TUS_VERSION,
      'Upload-Offset': String(offset),
      'Content-Type': TUS_CONTENT_TYPE,
      'Content-Length': String(body.length),
    };
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries({ ...defaults, ...options.overrides })) if (value !== null) headers[name] = value;
    return new Promise((resolve, reject) => {
      let aborted = false;
      const req = httpRequest({ host: '127.0.0.1', port, method: 'PATCH', path: this.url(uploadId), headers });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => (aborted ? resolve('aborted') : reject(error)));
      });
      req.on('error', (error) => (aborted ? resolve('aborted') : reject(error)));
      if (options.abortAfter === undefined) {
        // Without a Content-Length, write before end: `end(body)` alone would make Node add one.
        if (headers['Content-Length'] === undefined) req.write(body);
        req.end(headers['Content-Length'] === undefined ? undefined : body);
        return;
      }
      // Let the first bytes reach the server and its handler start streaming them, then cut the connection.
      req.write(body.subarray(0, options.abortAfter), () => {
        setTimeout(() => {
          aborted = true;
          req.destroy();
          resolve('aborted');
        }, 200);
      });
    });
  }
}

function portOf(server: Server): number {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('rawPatch needs a listening server: call `await testApp.app.listen(0, "127.0.0.1")` first');
  return address.port;
}
