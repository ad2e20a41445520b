import { FifoLock } from './transactions';

describe('FifoLock', () => {
  it('runs work one at a time, in the order it arrived, even when earlier work fails', async () => {
    const lock = new FifoLock();
    const log: string[] = [];
    const slow = (name: string, ms: number, fail = false) =>
      lock.run(async () => {
        log.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([slow('a', 20), slow('b', 1, true), slow('c', 5)]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
