// What the scanners are pointed at, from the controllers in server/src/**/*.controller.ts: a
// representative set of routes that take text from the caller (query strings, JSON bodies, path ids),
// each with values that reach real rows of the seeded instance, so that a tampered value travels as
// far into the server as a genuine one does.
//
// Left out on purpose: POST /api/auth/logout (would end the scanning session), POST /api/auth/password
// (would change the password), the JIT's close/activate/extensions (would change what every other
// route may do), every DELETE, and the platform administrator's routes (users, setup).
import { DEMO_PASSWORD } from './instance.mjs';

/**
 * The classic injection target, public. Another account than the scanning ones, so that a throttled
 * account never gets in the way of the rest; a tampered e-mail or password answers 401, which
 * sqlmap must read as an answer rather than as a lost session.
 */
const SIGN_IN = { name: 'sign in', as: null, method: 'POST', path: '/api/auth/login', body: { email: 'legal.es@demo.jit', password: DEMO_PASSWORD }, ignoreCode: 401 };

/**
 * The routes sqlmap tests. `as` names the session the request carries (none: a public route);
 * a `*` in the path marks a path segment as the only injection point of that target; `level` and
 * `params` widen or narrow what sqlmap tries (scanners.mjs); `ignoreCode` is an answer sqlmap should
 * read as an answer rather than as a reason to stop.
 */
export function sqlmapTargets(f) {
  const jit = `/api/jits/${f.jit.id}`;
  const version = f.evidence.versions[0].id;
  return [
    SIGN_IN,

    // Lists with filters, search and cursors (GET query strings).
    {
      name: 'evidence list: filters and search',
      as: 'investigator',
      method: 'GET',
      path: `${jit}/evidence?q=statement&status=available&documentType=document&handlingCode=evidential_use_in_jit&partyId=${f.party.id}&obtainedFrom=2020-01-01&sort=title&order=asc&limit=20`,
    },
    { name: 'evidence list: cursor', as: 'investigator', method: 'GET', path: `${jit}/evidence?limit=1&cursor=${encodeURIComponent(f.evidenceCursor)}` },
    { name: 'task list: filters', as: 'investigator', method: 'GET', path: `${jit}/tasks?status=todo&partyId=${f.party.id}&dueBefore=2030-01-01&overdue=false&limit=20` },
    { name: 'task list: cursor', as: 'investigator', method: 'GET', path: `${jit}/tasks?limit=1&cursor=${encodeURIComponent(f.taskCursor)}` },
    { name: 'comments of a note', as: 'investigator', method: 'GET', path: `${jit}/comments?subjectType=note&subjectId=${f.note.id}` },
    { name: 'links of a note', as: 'investigator', method: 'GET', path: `${jit}/links?subjectType=note&subjectId=${f.note.id}` },
    { name: 'record of the JIT', as: 'investigator', method: 'GET', path: `${jit}/audit?afterSeq=0&limit=20&action=note.created&from=2020-01-01T00:00:00Z` },
    { name: 'notifications', as: 'investigator', method: 'GET', path: '/api/notifications?limit=20&unreadOnly=false' },
    { name: 'evidence file download', as: 'investigator', method: 'GET', path: `${jit}/evidence/${f.evidence.id}/versions/${version}/content?disposition=attachment` },
    { name: 'account lookup by e-mail (leader)', as: 'leader', method: 'GET', path: `${jit}/user-lookup?email=investigator.fr%40demo.jit` },

    // Ids in the path: the JIT id is what the access guard resolves membership from.
    { name: 'JIT id in the path (members)', as: 'investigator', method: 'GET', path: `/api/jits/${f.jit.id}*/members` },
    { name: 'evidence id in the path', as: 'investigator', method: 'GET', path: `${jit}/evidence/${f.evidence.id}*` },
    { name: 'note id in the path', as: 'investigator', method: 'GET', path: `${jit}/notes/${f.note.id}*` },
    { name: 'task id in the path', as: 'investigator', method: 'GET', path: `${jit}/tasks/${f.task.id}*` },

    // JSON bodies.
    { name: 'new note', as: 'investigator', method: 'POST', path: `${jit}/notes`, body: { title: 'Scan note', body: 'Met W-03 again.', tags: ['interviews'] } },
    { name: 'note edit', as: 'investigator', method: 'PATCH', path: `${jit}/notes/${f.note.id}`, body: { baseRevision: f.note.revision, title: f.note.title, body: 'Edited.' } },
    {
      name: 'new comment',
      as: 'investigator',
      method: 'POST',
      path: `${jit}/comments`,
      body: { subjectType: 'note', subjectId: f.note.id, body: 'Seen.', mentions: [f.assignee.id] },
    },
    { name: 'new link', as: 'investigator', method: 'POST', path: `${jit}/links`, body: { fromType: 'note', fromId: f.note.id, toType: 'task', toId: f.task.id } },
    {
      name: 'evidence edit',
      as: 'investigator',
      method: 'PATCH',
      path: `${jit}/evidence/${f.evidence.id}`,
      body: { title: 'Statement W-03', description: 'Signed.', tags: ['interviews'] },
    },
    { name: 'new folder', as: 'investigator', method: 'POST', path: `${jit}/folders`, body: { name: 'Statements' } },
    { name: 'own profile', as: 'investigator', method: 'PATCH', path: '/api/auth/me', body: { displayName: 'Pieter Janssen', language: 'en', timeZone: 'Europe/Amsterdam' } },
    {
      name: 'notification preferences',
      as: 'investigator',
      method: 'PATCH',
      path: '/api/notifications/preferences',
      body: { preferences: [{ kind: 'mentioned', channel: 'in_app', enabled: true }] },
    },
    {
      name: 'new task (leader)',
      as: 'leader',
      method: 'POST',
      path: `${jit}/tasks`,
      body: { title: 'Scan task', description: 'Check.', priority: 'normal', assigneeMemberId: f.assignee.id, dueDate: '2030-01-01', labels: ['scan'] },
    },
    { name: 'task edit (leader)', as: 'leader', method: 'PATCH', path: `${jit}/tasks/${f.task.id}`, body: { baseUpdatedAt: f.task.updatedAt, title: f.task.title } },
    { name: 'task move (leader)', as: 'leader', method: 'POST', path: `${jit}/tasks/${f.task.id}/move`, body: { status: 'in_progress', position: 0 } },
    { name: 'member role (leader)', as: 'leader', method: 'PATCH', path: `${jit}/members/${f.otherMember.id}`, body: { role: 'member', accessExpiresAt: '2030-01-01T00:00:00Z' } },

    // Headers the server stores: the user agent goes into the session and into each record event.
    { ...SIGN_IN, name: 'sign in: headers', level: 3, params: 'User-Agent,Referer' },
    { name: 'new note: headers', as: 'investigator', method: 'POST', path: `${jit}/notes`, body: { title: 'Scan note', body: 'Seen.' }, level: 3, params: 'User-Agent,Referer' },
  ];
}

/**
 * Where wapiti starts crawling besides `/`: the GET routes above (it attacks their query strings; it
 * cannot fuzz JSON bodies), the API documentation pages and a few screens of the client.
 */
export function wapitiStartPaths(f) {
  const gets = sqlmapTargets(f)
    .filter((t) => t.method === 'GET' && t.as === 'investigator')
    .map((t) => t.path.replace('*', ''));
  return ['/', '/login', `/jits/${f.jit.id}`, '/api/docs/', '/api/openapi.json', '/api/auth/me', '/api/jits', `/api/jits/${f.jit.id}/notes`, ...gets];
}
