import { actorOf, isOversightRole, mayEditEvidenceMetadata, mayManagePartyMembers, mayMoveTask, type JitActor } from './access-rules';
import { JIT_ROLES, type JitRole } from './roles';

const member = (role: JitRole, options: { lead?: boolean; party?: string; id?: string } = {}): JitActor =>
  actorOf({ memberId: options.id ?? 'm-self', partyId: options.party ?? 'p-fr', role, isLeadParty: options.lead ?? false }, false);
const admin = actorOf(null, true);

describe('isOversightRole', () => {
  it.each<[JitRole, boolean]>([
    ['leader', true],
    ['legal_adviser', true],
    ['member', false],
    ['observer', false],
  ])('%s → %p', (role, expected) => expect(isOversightRole(role)).toBe(expected));

  it('names every role', () => expect(JIT_ROLES.filter(isOversightRole)).toEqual(['leader', 'legal_adviser']));
});

describe('mayManagePartyMembers', () => {
  it.each<[string, JitActor, string, JitRole[] | undefined, boolean]>([
    ['lead leader, another party', member('leader', { lead: true, party: 'p-nl' }), 'p-fr', ['member'], true],
    ['other leader, own party', member('leader'), 'p-fr', ['legal_adviser'], true],
    ['other leader, another party', member('leader'), 'p-nl', ['member'], false],
    ['administrator appoints a leader', admin, 'p-nl', ['leader'], true],
    ['administrator adds a member', admin, 'p-nl', ['member'], false],
    ['administrator, any party (roles omitted)', admin, 'p-nl', undefined, true],
    ['other leader, another party (roles omitted)', member('leader'), 'p-nl', undefined, false],
    ['investigator, own party', member('member'), 'p-fr', ['member'], false],
    ['legal adviser, own party', member('legal_adviser'), 'p-fr', ['member'], false],
    ['observer, own party', member('observer'), 'p-fr', undefined, false],
  ])('%s', (_, actor, partyId, roles, expected) => expect(mayManagePartyMembers(actor, partyId, roles)).toBe(expected));
});

describe('mayMoveTask', () => {
  it.each<[string, JitActor, string | null, boolean]>([
    ['leader, task of someone else', member('leader'), 'm-other', true],
    ['leader, unassigned task', member('leader'), null, true],
    ['investigator, own task', member('member'), 'm-self', true],
    ['investigator, task of someone else', member('member'), 'm-other', false],
    ['investigator, unassigned task', member('member'), null, false],
    ['observer, own task', member('observer'), 'm-self', true],
    ['legal adviser, task of someone else', member('legal_adviser'), 'm-other', false],
    ['administrator (not a member)', admin, null, false],
  ])('%s', (_, actor, assigneeMemberId, expected) => expect(mayMoveTask(actor, { assigneeMemberId })).toBe(expected));
});

describe('mayEditEvidenceMetadata', () => {
  it.each<[string, JitActor, boolean]>([
    ['investigator of the sharing party', member('member'), true],
    ['leader of the sharing party', member('leader'), true],
    ['legal adviser of the sharing party', member('legal_adviser'), true],
    ['observer of the sharing party', member('observer'), false],
    ['lead leader of another party', member('leader', { lead: true, party: 'p-nl' }), false],
    ['investigator of another party', member('member', { party: 'p-nl' }), false],
    ['administrator', admin, false],
  ])('%s', (_, actor, expected) => expect(mayEditEvidenceMetadata(actor, { createdByPartyId: 'p-fr' })).toBe(expected));
});
