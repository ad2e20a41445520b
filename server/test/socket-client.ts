import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, JitEventPayload, ServerToClientEvents } from '@jit/shared';
import type { ApiClient, ApiTarget } from './harness';

/** Real socket.io clients for the live-update tests, in one process or across server processes. */
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client, authenticated as a browser is: with the session cookie. */
export function connect(base: string, client: ApiClient<ApiTarget> | null, options: HandshakeOptions = {}): Promise<ClientSocket> {
  const socket: ClientSocket = io(base, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    rejectUnauthorized: !options.selfSignedCertificate,
    extraHeaders: { ...options.headers, ...(client?.sessionCookie ? { cookie: `jit_session=${client.sessionCookie}` } : {}) },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

export interface HandshakeOptions {
  /** More handshake headers: the Origin a browser's page would send, a proxy's X-Forwarded-Proto. */
  headers?: Record<string, string>;
  /** Accept the server's self-signed test certificate (wss://). */
  selfSignedCertificate?: boolean;
}

/** Opens a socket as a page would and keeps it in `opened`; answers 'connected' or the refusal's message. */
export async function handshakeOutcome(base: string, client: ApiClient<ApiTarget>, options: HandshakeOptions, opened: ClientSocket[]): Promise<string> {
  try {
    opened.push(await connect(base, client, options));
    return 'connected';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Collects the invalidations a socket receives. */
export function inbox(socket: ClientSocket): JitEventPayload[] {
  const received: JitEventPayload[] = [];
  socket.on('jit:event', (payload) => received.push(payload));
  return received;
}

export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(check: () => boolean, timeoutMs = 5000, what = 'an event'): Promise<void> {
  for (let waited = 0; !check(); waited += 25) {
    if (waited > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await settle(25);
  }
}
