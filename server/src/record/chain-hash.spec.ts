import { GENESIS_HASH, type AuditDetails } from '@jit/shared';
import type { AuditEventEntity } from './audit-event.entity';
import { digestDetails, eventHash, startVerification, verifyNext } from './chain-hash';

function chainOf(length: number): AuditEventEntity[] {
  const events: AuditEventEntity[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const details: AuditDetails = { changes: [{ field: 'title', from: `t${seq - 1}`, to: `t${seq}` }], ip: '127.0.0.1', userAgent: 'spec', timeZone: 'UTC' };
    const event = {
      chain: 'jit:x',
      seq,
      occurredAt: `2026-01-01T00:00:0${seq % 10}.000Z`,
      actorUserId: 'u',
      actorPartyId: null,
      action: 'jit.updated',
      subjectType: 'jit',
      subjectId: 'x',
      visibility: 'team',
      details: JSON.stringify(details),
      detailsDigest: digestDetails(details),
      prevHash,
      hash: '',
    } as AuditEventEntity;
    event.hash = eventHash(prevHash, event);
    prevHash = event.hash;
    events.push(event);
  }
  return events;
}

const verdict = (events: AuditEventEntity[]) => {
  const progress = startVerification();
  for (const event of events) verifyNext(progress, event);
  return progress.firstBrokenSeq;
};

describe('chain hashing', () => {
  it('links each event to the one before, starting from 64 zeros', () => {
    const events = chainOf(3);
    expect(events[0].prevHash).toBe(GENESIS_HASH);
    expect(events[1].prevHash).toBe(events[0].hash);
    expect(verdict(events)).toBeNull();
  });

  it('changes the hash when any hashed field changes, but not the key order of details', () => {
    const [event] = chainOf(1);
    expect(eventHash(GENESIS_HASH, { ...event, actorUserId: 'someone else' })).not.toBe(event.hash);
    const reordered = { userAgent: 'spec', timeZone: 'UTC', ip: '127.0.0.1', changes: [{ to: 't1', from: 't0', field: 'title' }] };
    expect(digestDetails(reordered)).toBe(event.detailsDigest);
  });

  it('names the first broken event: edited, missing or out of order', () => {
    const edited = chainOf(5);
    edited[2] = { ...edited[2], subjectId: 'y' };
    expect(verdict(edited)).toBe(3);

    const missing = chainOf(5).filter((e) => e.seq !== 2);
    expect(verdict(missing)).toBe(2);

    const swapped = chainOf(5);
    [swapped[1], swapped[2]] = [
      { ...swapped[2], seq: 2 },
      { ...swapped[1], seq: 3 },
    ];
    expect(verdict(swapped)).toBe(2);

    const detailsEdited = chainOf(4);
    detailsEdited[3] = { ...detailsEdited[3], details: detailsEdited[3].details.replace('127.0.0.1', '10.0.0.1') };
    expect(verdict(detailsEdited)).toBe(4);
  });
});
