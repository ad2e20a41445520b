import { loadConfig } from '../config';
import { PasswordService } from './password.service';

describe('PasswordService', () => {
  const service = new PasswordService(loadConfig({ ARGON2_MEMORY_KIB: '4096', ARGON2_TIME_COST: '2' }));

  it('hashes with argon2id at the configured cost and verifies', async () => {
    const hash = await service.hash('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=4096,t=2,p=1\$/);
    await expect(service.verify(hash, 'correct horse battery staple')).resolves.toBe(true);
    await expect(service.verify(hash, 'Correct horse battery staple')).resolves.toBe(false);
  });

  it('answers false for an unknown account after doing the same work', async () => {
    await expect(service.verify(null, 'anything')).resolves.toBe(false);
  });
});
