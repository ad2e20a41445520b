/**
 * `npm run demo`: seeds an empty workspace with a realistic JIT between three states, through the
 * real API (so every step is on the record), and prints the accounts to sign in with.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import {
  todayUtc,
  type ConfirmedFactor,
  type CreateJitRequest,
  type CreateUserRequest,
  type Jit,
  type JitRole,
  type Language,
  type Me,
  type Member,
  type Note,
  type Task,
  type TotpEnrolment,
} from '@jit/shared';
import { totpCode } from '../auth';
import { createApp } from '../app.factory';
import { createLogger } from '../common';
import { loadConfig } from '../config';

const PASSWORD = 'demo-password-2026';

interface DemoPerson {
  email: string;
  displayName: string;
  organisation: string;
  country: string;
  language: Language;
  timeZone: string;
  role: JitRole;
}

const PEOPLE: DemoPerson[] = [
  { email: 'leader.nl@demo.jit', displayName: 'Anouk de Vries', organisation: 'Openbaar Ministerie', country: 'NL', language: 'en', timeZone: 'Europe/Amsterdam', role: 'leader' },
  {
    email: 'investigator1.nl@demo.jit',
    displayName: 'Pieter Janssen',
    organisation: 'Nationale Politie',
    country: 'NL',
    language: 'en',
    timeZone: 'Europe/Amsterdam',
    role: 'member',
  },
  {
    email: 'investigator2.nl@demo.jit',
    displayName: 'Fatima El Amrani',
    organisation: 'Nationale Politie',
    country: 'NL',
    // Works in Arabic, the language of many witnesses: the demo shows the interface right to left.
    language: 'ar',
    timeZone: 'Europe/Amsterdam',
    role: 'member',
  },
  {
    email: 'legal.nl@demo.jit',
    displayName: 'Mr. Joost Bakker',
    organisation: 'Openbaar Ministerie',
    country: 'NL',
    language: 'en',
    timeZone: 'Europe/Amsterdam',
    role: 'legal_adviser',
  },
  {
    email: 'leader.fr@demo.jit',
    displayName: 'Claire Moreau',
    organisation: 'Parquet national antiterroriste',
    country: 'FR',
    language: 'fr',
    timeZone: 'Europe/Paris',
    role: 'leader',
  },
  { email: 'investigator.fr@demo.jit', displayName: 'Julien Lefèvre', organisation: 'OCLCH', country: 'FR', language: 'fr', timeZone: 'Europe/Paris', role: 'member' },
  {
    email: 'legal.fr@demo.jit',
    displayName: 'Isabelle Garnier',
    organisation: 'Parquet national antiterroriste',
    country: 'FR',
    language: 'fr',
    timeZone: 'Europe/Paris',
    role: 'legal_adviser',
  },
  {
    email: 'leader.es@demo.jit',
    displayName: 'Javier Ortega',
    organisation: 'Fiscalía de la Audiencia Nacional',
    country: 'ES',
    language: 'es',
    timeZone: 'Europe/Madrid',
    role: 'leader',
  },
  { email: 'investigator.es@demo.jit', displayName: 'Lucía Navarro', organisation: 'Guardia Civil', country: 'ES', language: 'es', timeZone: 'Europe/Madrid', role: 'member' },
  {
    email: 'legal.es@demo.jit',
    displayName: 'Elena Ruiz',
    organisation: 'Fiscalía de la Audiencia Nacional',
    country: 'ES',
    language: 'es',
    timeZone: 'Europe/Madrid',
    role: 'legal_adviser',
  },
];

const AGREEMENT: CreateJitRequest = {
  reference: 'JIT-2026-017',
  title: 'Crimes against humanity in the Northern Corridor',
  purpose:
    'Joint investigation of crimes against humanity (persecution, enforced disappearance) committed against civilians in the Northern Corridor between 2022 and 2025, and identification of the persons responsible.',
  legalBasis: 'Ljubljana–The Hague Convention (2023), art. 49; EU MLA Convention 2000, art. 13',
  startDate: '2026-03-01',
  endDate: '2028-02-29',
  workingLanguage: 'en',
  statesOfOperation: ['NL'],
  parties: [
    { kind: 'party', country: 'NL', name: 'Netherlands', authority: 'Public Prosecution Service (Openbaar Ministerie)' },
    { kind: 'party', country: 'FR', name: 'France', authority: 'Parquet national antiterroriste' },
    { kind: 'party', country: 'ES', name: 'Spain', authority: 'Fiscalía de la Audiencia Nacional' },
    { kind: 'participant', name: 'Eurojust', authority: 'Eurojust' },
  ],
  leadPartyCountry: 'NL',
};

/** A minimal cookie-keeping API client over fetch, echoing the CSRF token like the browser does. */
class Session {
  private cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json', cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (xsrf) headers['x-xsrf-token'] = xsrf;
    const response = await fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = pair.split('=');
      this.cookies.set(name, value);
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
  let printed = '';
  const write = process.stdout.write.bind(process.stdout);
  // Swallows the server's start-up output (the setup token among it) to pick the token out of it.
  process.stdout.write = (chunk: string | Uint8Array) => {
    printed += chunk.toString();
    return true;
  };
  const { app } = await createApp(config, { logger: createLogger('warn') });
  await app.listen(0, '127.0.0.1');
  process.stdout.write = write;
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  try {
    const token = /Setup token: (\S+)/.exec(printed)?.[1];
    if (!token) throw new Error('This workspace already has accounts: the demo seeds an empty one. Move ./data aside (or set DATA_DIR) and run it again.');
    const admin = new Session(base);
    await admin.call<Me>('POST', '/api/setup', { setupToken: token, email: 'admin@demo.jit', password: PASSWORD, displayName: 'Platform Administrator' });
    const jit = await admin.call<Jit>('POST', '/api/jits', AGREEMENT);
    await admin.call<Jit>('POST', `/api/jits/${jit.id}/activate`);
    const partyOf = (country: string) => jit.parties.find((p) => p.country === country)?.id ?? '';
    const ids = new Map<string, string>();
    for (const person of PEOPLE) {
      const { role, ...account } = person;
      const request: CreateUserRequest = { ...account, initialPassword: `${PASSWORD}-initial` };
      const created = await admin.call<{ id: string }>('POST', '/api/users', request);
      ids.set(person.email, created.id);
      // Demo accounts start ready to use: the initial password is changed once here.
      const own = new Session(base);
      await own.call('POST', '/api/auth/login', { email: person.email, password: request.initialPassword });
      await own.call('POST', '/api/auth/password', { currentPassword: request.initialPassword, newPassword: PASSWORD });
      if (role === 'leader') await admin.call('POST', `/api/jits/${jit.id}/members`, { userId: created.id, partyId: partyOf(person.country), role });
    }
    // Each leader brings in the members of their own party, as the product intends.
    const members = new Map<string, string>();
    const sessions = new Map<string, Session>();
    for (const country of ['NL', 'FR', 'ES']) {
      const leader = new Session(base);
      await leader.call('POST', '/api/auth/login', { email: `leader.${country.toLowerCase()}@demo.jit`, password: PASSWORD });
      sessions.set(country, leader);
      for (const person of PEOPLE.filter((p) => p.country === country && p.role !== 'leader')) {
        const member = await leader.call<Member>('POST', `/api/jits/${jit.id}/members`, { userId: ids.get(person.email), partyId: partyOf(country), role: person.role });
        members.set(person.email, member.id);
      }
    }
    await seedDailyWork(base, jit, members, sessions.get('NL') as Session);
    const secondFactor = await enrolAuthenticatorApp(base, 'legal.nl@demo.jit');
    console.log(`\nDemo workspace ready: JIT ${AGREEMENT.reference} between the Netherlands (lead), France and Spain, with Eurojust.`);
    console.log(`Start it with "npm start" and sign in at http://localhost:${process.env.PORT ?? 3000} with any of these (password for all: ${PASSWORD}):\n`);
    console.log(`  platform administrator   admin@demo.jit`);
    for (const p of PEOPLE) console.log(`  ${`${p.role} (${p.country})`.padEnd(24)} ${p.email.padEnd(28)} ${p.displayName}`);
    console.log(`\nlegal.nl@demo.jit signs in with a second factor: add the key ${secondFactor.secret} to an authenticator app`);
    console.log(`(time-based, six digits), or use one of its recovery codes: ${secondFactor.recoveryCodes.slice(0, 3).join(', ')}.`);
    console.log('');
  } finally {
    await app.close();
  }
}

/** One person with an authenticator app, as the account page sets it up; the demo plays the app. */
async function enrolAuthenticatorApp(base: string, email: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const own = new Session(base);
  await own.call('POST', '/api/auth/login', { email, password: PASSWORD });
  const enrolment = await own.call<TotpEnrolment>('POST', '/api/auth/factors/totp');
  const confirmed = await own.call<ConfirmedFactor>('POST', `/api/auth/factors/totp/${enrolment.factorId}/confirm`, {
    code: totpCode(enrolment.secret, new Date()),
    label: 'Demo phone',
  });
  return { secret: enrolment.secret, recoveryCodes: confirmed.recoveryCodes };
}

const inDays = (days: number): string => todayUtc(new Date(Date.now() + days * 86_400_000));

/**
 * The team's daily work, so that a first look shows it: notes, tasks assigned across parties (one
 * due soon, one overdue), a comment mentioning someone, links between them. Done through the API,
 * so the record, the board and everyone's notifications are what the product makes of it.
 */
async function seedDailyWork(base: string, jit: Jit, members: Map<string, string>, leaderNl: Session): Promise<void> {
  const investigatorFr = new Session(base);
  await investigatorFr.call('POST', '/api/auth/login', { email: 'investigator.fr@demo.jit', password: PASSWORD });
  const plan = await leaderNl.call<Note>('POST', `/api/jits/${jit.id}/notes`, {
    title: 'Interview plan: witnesses from Kessel',
    body: '## Witnesses\n\n- W-03, displaced in March 2023\n- W-07, former detainee\n\nInterpreters: Arabic and Kurmanji.\n',
    tags: ['interviews'],
  });
  const timeline = await investigatorFr.call<Note>('POST', `/api/jits/${jit.id}/notes`, {
    title: 'Timeline of the checkpoint closures',
    body: '- 2022-11: first closures reported\n- 2023-03: mass arrests at the northern checkpoint\n',
    tags: ['timeline'],
  });
  const interview = await leaderNl.call<Task>('POST', `/api/jits/${jit.id}/tasks`, {
    title: 'Interview witness W-03',
    description: 'Hearing in Lyon with an interpreter; follow the interview plan.',
    priority: 'high',
    assigneeMemberId: members.get('investigator.fr@demo.jit'),
    dueDate: inDays(1),
    labels: ['interviews'],
    checklist: [
      { text: 'Book the interpreter', done: false },
      { text: 'Send the summons', done: false },
      { text: 'Prepare the photo board', done: false },
    ],
  });
  await leaderNl.call<Task>('POST', `/api/jits/${jit.id}/tasks`, {
    title: 'Collect the satellite imagery of the northern checkpoint',
    priority: 'normal',
    assigneeMemberId: members.get('investigator.es@demo.jit'),
    dueDate: inDays(-2),
    labels: ['open sources'],
  });
  await leaderNl.call<Task>('POST', `/api/jits/${jit.id}/tasks`, {
    title: 'Review the handling codes of the Spanish contributions',
    priority: 'low',
    assigneeMemberId: members.get('legal.nl@demo.jit'),
    dueDate: inDays(14),
  });
  await leaderNl.call('POST', `/api/jits/${jit.id}/links`, { fromType: 'task', fromId: interview.id, toType: 'note', toId: plan.id });
  await leaderNl.call('POST', `/api/jits/${jit.id}/links`, { fromType: 'note', fromId: plan.id, toType: 'note', toId: timeline.id });
  await leaderNl.call('POST', `/api/jits/${jit.id}/comments`, {
    subjectType: 'note',
    subjectId: timeline.id,
    body: '@Julien Lefèvre could you add the dates of the arrests reported by W-07?',
    mentions: [members.get('investigator.fr@demo.jit')],
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
