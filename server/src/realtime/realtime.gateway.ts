import { Inject, Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import {
  changedTo,
  type AuditAction,
  isUuid,
  type ClientToServerEvents,
  type JitEventPayload,
  type PresenceEntry,
  type PresenceFocus,
  type PresenceSnapshot,
  type ServerToClientEvents,
  type SocketAck,
} from '@jit/shared';
import { ApiTokensService, SecondFactorsService, SESSION_COOKIE, SessionService } from '../auth';
import { NotificationEvents, type NotificationEvent } from '../notifications';
import { RecordEvents, type RecordedEvent } from '../record';
import { ReadAccessService } from '../access';
import { CONFIG, type AppConfig } from '../config';
import { RealtimeRoomsService, rooms } from './realtime-rooms.service';
import { isSameOriginHandshake } from './socket-origin';

interface SocketData {
  userId: string;
  displayName: string;
  sessionHash: string;
  /** What this socket (one tab) is looking at, for presence; checked when set. */
  focus: PresenceFocus | null;
}
type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const cookieValue = (header: string | undefined, name: string): string | undefined =>
  header
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];

/** Actions after which some of the actor's sessions are gone (enrolling a factor ends the others): their sockets close. */
const SESSION_ENDING_ACTIONS = new Set<AuditAction>(['auth.logout', 'auth.password_changed', 'auth.session_ended', 'auth.second_factor_added']);

/** Presence changes within this window go out as one `presence:changed`, so a reconnect storm is not an echo storm. */
const PRESENCE_COALESCE_MS = 250;

const isFocus = (value: unknown): value is PresenceFocus => {
  const focus = value as Partial<PresenceFocus> | null;
  return typeof focus === 'object' && focus !== null && isUuid(focus.jitId) && typeof focus.editing === 'boolean' && (focus.noteId === null || isUuid(focus.noteId));
};

/**
 * Live updates. The handshake authenticates with the session cookie; the server puts each socket
 * in its rooms (`user:`, `jit:`, `jit:…:party:`, `jit:…:oversight`); committed record events go out
 * as invalidations (ids and seq, never content) to the room of those who may see them. Membership
 * changes move sockets between rooms at once; a disabled account or ended session is disconnected.
 */
/** A socket.io acknowledgement callback, as a client that wants an answer sends it. */
const isAck = <T>(ack: unknown): ack is (answer: SocketAck<T>) => void => typeof ack === 'function';

@WebSocketGateway({ path: '/socket.io', serveClient: false })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  @WebSocketServer() server: RealtimeServer;
  private readonly logger = new Logger('Realtime');
  private unsubscribe: Array<() => void> = [];
  private readonly presencePending = new Set<string>();
  private presenceTimer: NodeJS.Timeout | null = null;
  private recorded: Promise<void> = Promise.resolve();

  constructor(
    private readonly sessions: SessionService,
    private readonly apiTokens: ApiTokensService,
    private readonly roomsService: RealtimeRoomsService,
    private readonly events: RecordEvents,
    private readonly notificationEvents: NotificationEvents,
    private readonly readAccess: ReadAccessService,
    private readonly factors: SecondFactorsService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(server: RealtimeServer): void {
    server.use((socket, next) => {
      // Rooms are joined here, before socket.io confirms the connection: an event committed the
      // moment after the client hears "connected" already reaches it, and the rooms (the access
      // check of presence requests) are in place for its first request. A socket that fails here
      // leaves its rooms again (socket.io cleans up).
      void this.authenticate(socket)
        .then(async (ok) => {
          if (ok) await socket.join(await this.roomsService.roomsFor(socket.data.userId));
          return ok;
        })
        .then(
          (ok) => next(ok ? undefined : new Error('unauthenticated')),
          () => next(new Error('unauthenticated')),
        );
    });
    this.unsubscribe = [
      this.events.subscribe((event) => {
        // One at a time, in commit order: a revocation has moved the member's sockets out of the
        // rooms before any later event is sent to those rooms.
        this.recorded = this.recorded.then(() => this.onRecorded(event)).catch((error: unknown) => this.logger.error(error instanceof Error ? error.message : String(error)));
      }),
      this.notificationEvents.subscribe((event) => this.onNotification(event)),
    ];
  }

  onModuleDestroy(): void {
    this.unsubscribe.forEach((unsubscribe) => unsubscribe());
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
  }

  private async authenticate(socket: RealtimeSocket): Promise<boolean> {
    if (!isSameOriginHandshake(socket.handshake, this.config.TRUST_PROXY)) return false;
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token === 'string') {
      const user = await this.apiTokens.authenticate(token);
      if (!user || user.mustChangePassword || (!(await this.factors.isEnrolled(user.id)) && (await this.factors.requiredOfEveryone()))) return false;
      socket.data = { userId: user.id, displayName: user.displayName, sessionHash: '', focus: null };
      return true;
    }
    // As over REST: a sign-in still owing its code, or held at the enrolment the platform requires, hears nothing.
    const authenticated = await this.sessions.authenticateToken(cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE));
    if (!authenticated || authenticated.user.mustChangePassword || authenticated.session.authLevel === 'awaiting_factor') return false;
    if (authenticated.session.authLevel !== 'second_factor' && (await this.factors.requiredOfEveryone())) return false;
    socket.data = { userId: authenticated.user.id, displayName: authenticated.user.displayName, sessionHash: authenticated.session.tokenHash, focus: null };
    return true;
  }

  handleConnection(socket: RealtimeSocket): void {
    // A client that sends no callback gets no answer, and a malformed request never throws.
    const answer = <T>(ack: unknown, work: () => Promise<SocketAck<T>>) => {
      if (!isAck<T>(ack)) return;
      void work().then(ack, () => ack({ ok: false, error: 'validation_failed' }));
    };
    socket.on('presence:focus', (focus, ack) => answer(ack, () => this.onFocus(socket, focus)));
    socket.on('presence:get', (request, ack) => answer(ack, () => this.presenceOf(socket, (request as { jitId?: unknown } | null)?.jitId)));
    // Rooms are still known while disconnecting (not after): the JITs where this person may go offline.
    socket.on('disconnecting', () => this.presenceChanged(this.jitsOf(socket)));
    this.presenceChanged(this.jitsOf(socket));
  }

  private jitsOf(socket: RealtimeSocket): string[] {
    return [...socket.rooms].flatMap((room) => rooms.jitOf(room) ?? []);
  }

  /**
   * A socket says what it looks at. Its rooms are the access check (the server keeps them in step
   * with memberships); a note must exist in that JIT. Anything else is "not found", as over REST;
   * claiming to edit without `notes.write` is "forbidden".
   */
  private async onFocus(socket: RealtimeSocket, focus: PresenceFocus | null): Promise<SocketAck<null>> {
    if (focus !== null && !isFocus(focus)) return { ok: false, error: 'validation_failed' };
    if (focus && !socket.rooms.has(rooms.jit(focus.jitId))) return { ok: false, error: 'not_found' };
    if (focus?.noteId && !(await this.mayReadNote(socket.data.userId, focus.jitId, focus.noteId))) return { ok: false, error: 'not_found' };
    // Only someone who may write notes is shown as editing one.
    if (focus?.editing && !(await this.roomsService.may(socket.data.userId, focus.jitId, 'notes.write'))) return { ok: false, error: 'forbidden' };
    const before = socket.data.focus;
    socket.data.focus = focus;
    this.presenceChanged([before?.jitId, focus?.jitId].filter((id): id is string => Boolean(id)));
    return { ok: true, value: null };
  }

  private async mayReadNote(userId: string, jitId: string, noteId: string): Promise<boolean> {
    const reader = await this.readAccess.memberReader(userId, jitId);
    return reader !== null && (await this.readAccess.mayRead('note', noteId, reader));
  }

  /** Everyone online in a JIT (across server processes, through the adapter) and the notes they have open. */
  private async presenceOf(socket: RealtimeSocket, jitId: unknown): Promise<SocketAck<PresenceSnapshot>> {
    if (!isUuid(jitId)) return { ok: false, error: 'validation_failed' };
    if (!socket.rooms.has(rooms.jit(jitId))) return { ok: false, error: 'not_found' };
    const online = new Map<string, PresenceEntry>();
    for (const other of await this.server.in(rooms.jit(jitId)).fetchSockets()) {
      const entry = online.get(other.data.userId) ?? { userId: other.data.userId, displayName: other.data.displayName, notes: [] };
      const focus = other.data.focus;
      if (focus?.jitId === jitId && focus.noteId) entry.notes.push({ noteId: focus.noteId, editing: focus.editing });
      online.set(entry.userId, entry);
    }
    return { ok: true, value: { jitId, online: [...online.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)) } };
  }

  private presenceChanged(jitIds: string[]): void {
    jitIds.forEach((jitId) => this.presencePending.add(jitId));
    if (this.presenceTimer || this.presencePending.size === 0) return;
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null;
      for (const jitId of this.presencePending) this.server.to(rooms.jit(jitId)).emit('presence:changed', { jitId });
      this.presencePending.clear();
    }, PRESENCE_COALESCE_MS);
    this.presenceTimer.unref();
  }

  private onNotification(event: NotificationEvent): void {
    if (event.type === 'new') this.server.to(rooms.user(event.userId)).emit('notification:new', event.payload);
    else this.server.to(rooms.user(event.userId)).emit('notification:read');
  }

  private async onRecorded(event: RecordedEvent): Promise<void> {
    if (!event.jitId) {
      if (event.action === 'user.disabled') this.server.in(rooms.user(event.subjectId)).disconnectSockets(true);
      if (SESSION_ENDING_ACTIONS.has(event.action) && event.actorUserId) await this.dropEndedSessions(event.actorUserId);
      if (event.action === 'auth.token_revoked' && event.actorUserId) await this.dropTokenSockets(event.actorUserId);
      return;
    }
    // Rooms first: a revoked member is out before the event goes out, and is told personally,
    // so their open pages refetch and find the JIT gone.
    const affected = event.subjectType === 'member' ? await this.refreshMemberRooms(event.jitId, event) : null;
    const payload: JitEventPayload = { jitId: event.jitId, seq: event.seq, action: event.action, subject: { type: event.subjectType, id: event.subjectId } };
    let target = this.server.to(rooms.audience(event.jitId, event.audience, event.actorPartyId));
    if (affected) target = target.to(rooms.user(affected));
    target.emit('jit:event', payload);
  }

  /** Moves the affected person's sockets to the rooms their membership now gives; returns who it was. */
  private async refreshMemberRooms(jitId: string, event: RecordedEvent): Promise<string | null> {
    const [added] = event.action === 'member.added' ? changedTo(event.changes, 'userId') : [];
    const userId = added ?? (await this.roomsService.userOfMembership(event.subjectId));
    if (!userId) return null;
    await this.refreshRooms(jitId, userId);
    return userId;
  }

  /** Puts a person's sockets (on every process) in exactly the rooms of a JIT their membership gives now. */
  async refreshRooms(jitId: string, userId: string): Promise<void> {
    const sockets = this.server.in(rooms.user(userId));
    sockets.socketsLeave(await this.roomsService.allRoomsOf(jitId));
    const current = await this.roomsService.roomsFor(userId, jitId);
    if (current.length > 0) sockets.socketsJoin(current);
    this.presenceChanged([jitId]);
  }

  /** A revoked token's sockets end; the owner's other tokens reconnect at once, their sessions are untouched. */
  private async dropTokenSockets(userId: string): Promise<void> {
    for (const socket of await this.server.in(rooms.user(userId)).fetchSockets()) {
      if (!socket.data.sessionHash) socket.disconnect(true);
    }
  }

  /** Sockets whose session has ended (logout, password change elsewhere) are closed. */
  private async dropEndedSessions(userId: string): Promise<void> {
    for (const socket of await this.server.in(rooms.user(userId)).fetchSockets()) {
      if (!socket.data.sessionHash) continue; // a token's socket lives until the token is revoked
      const session = await this.sessions.findByHash(socket.data.sessionHash);
      if (!session) socket.disconnect(true);
    }
  }
}
