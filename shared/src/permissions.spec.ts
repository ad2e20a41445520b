import { granteesOf, isGranted, JIT_PERMISSIONS, JIT_PERMISSION_TABLE } from './permissions';

describe('permission table', () => {
  it('gives a leader of the lead party the lead-only permissions and a leader of another party none of them', () => {
    const lead = granteesOf({ role: 'leader', isLeadParty: true }, false);
    const other = granteesOf({ role: 'leader', isLeadParty: false }, false);
    expect(isGranted('jit.close', lead)).toBe(true);
    expect(isGranted('jit.close', other)).toBe(false);
    expect(isGranted('members.manage', other)).toBe(true);
  });

  it('never lets the platform administrator read the record by that role alone', () => {
    const admin = granteesOf(null, true);
    expect(isGranted('record.read', admin)).toBe(false);
    expect(isGranted('jit.read', admin)).toBe(true);
  });

  it('lets an observer read but not verify or manage', () => {
    const observer = granteesOf({ role: 'observer', isLeadParty: true }, false);
    expect(isGranted('record.read', observer)).toBe(true);
    expect(isGranted('record.verify', observer)).toBe(false);
    expect(isGranted('members.manage', observer)).toBe(false);
  });

  it('has an entry for every permission', () => {
    for (const permission of JIT_PERMISSIONS) expect(JIT_PERMISSION_TABLE[permission].length).toBeGreaterThan(0);
  });
});
