/**
 * A real S3-compatible server (s3rver, a dev dependency) for the contract tests and the upload
 * benchmark. Compiled with the server so the benchmark can run it in its own process; the product
 * never calls it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface S3TestServer {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  close(): Promise<void>;
}

/** The part of s3rver (which ships no type declarations) this helper uses. */
interface S3rverInstance {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  logger?: { close(): void };
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;

function loadS3rver(): S3rverConstructor {
  // s3rver has no types, so it is required as unknown and checked rather than imported as `any`.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand: only tests start this server, and production never loads s3rver.
  const loaded: unknown = require('s3rver');
  if (typeof loaded !== 'function') throw new Error('s3rver did not export its server class');
  return loaded as S3rverConstructor;
}

/**
 * An S3-compatible server on 127.0.0.1 with its data in a fresh temporary directory. s3rver checks
 * only that the access key exists (its built-in S3RVER account) and skips V4 signature checks.
 */
export async function startS3TestServer(): Promise<S3TestServer> {
  const directory = await mkdtemp(join(tmpdir(), 'jit-s3rver-'));
  const S3rver = loadS3rver();
  const s3rver = new S3rver({ directory, silent: true, vhostBuckets: false });
  const handle = s3rver.callback();
  const server = createServer((req, res) => {
    // s3rver answers ListMultipartUploads with NotImplemented, and the minio client asks it before
    // some multipart puts; an empty list is the truthful answer for what s3rver lets us observe.
    const url = new URL(req.url ?? '/', 'http://s3.test');
    const bucket = /^\/([^/]+)\/?$/.exec(url.pathname)?.[1];
    if (req.method === 'GET' && bucket && /^\?uploads(&|=|$)/.test(url.search)) {
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      res.end(
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
          '<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
          `<Bucket>${bucket}</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker>` +
          '<NextKeyMarker></NextKeyMarker><NextUploadIdMarker></NextUploadIdMarker><MaxUploads>1000</MaxUploads>' +
          '<IsTruncated>false</IsTruncated></ListMultipartUploadsResult>',
      );
      return;
    }
    handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    accessKey: 'S3RVER',
    secretKey: 'S3RVER',
    bucket: 'jit-evidence-test',
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      s3rver.logger?.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
