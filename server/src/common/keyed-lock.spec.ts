import { KeyedLock } from './keyed-lock';

const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Work that holds its lock until the test lets it go. */
function holder() {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  return { release, released };
}

describe('KeyedLock', () => {
  it('lets holders of one key in one at a time, in arrival order, even after one fails', async () => {
    const locks = new KeyedLock();
    const entered: string[] = [];
    const a = holder();
    const b = holder();
    const first = locks.run('upload-1', async () => {
      entered.push('a');
      await a.released;
    });
    const second = locks.run('upload-1', async () => {
      entered.push('b');
      await b.released;
      throw new Error('refused');
    });
    const third = locks.run('upload-1', () => {
      entered.push('c');
      return Promise.resolve();
    });
    await tick(5);
    expect(entered).toEqual(['a']);
    a.release();
    await first;
    await tick(5);
    expect(entered).toEqual(['a', 'b']);
    b.release();
    await expect(second).rejects.toThrow('refused');
    await third;
    expect(entered).toEqual(['a', 'b', 'c']);
  });

  it('lets a holder of another key in while a key is held', async () => {
    const locks = new KeyedLock();
    const a = holder();
    const first = locks.run('upload-1', () => a.released);
    await expect(locks.run('upload-2', () => Promise.resolve('not kept waiting'))).resolves.toBe('not kept waiting');
    a.release();
    await first;
  });

  it('forgets a key once its last holder has left, whether the work succeeded or failed', async () => {
    const locks = new KeyedLock();
    const first = locks.run('upload-1', () => tick(5));
    const second = locks.run('upload-1', () => Promise.reject(new Error('refused')));
    const other = locks.run('upload-2', () => tick(1));
    expect(locks.size).toBe(2);
    await Promise.allSettled([first, second, other]);
    expect(locks.size).toBe(0);
    // A key used again after being forgotten works as before.
    await expect(locks.run('upload-1', () => Promise.resolve('again'))).resolves.toBe('again');
    expect(locks.size).toBe(0);
  });

  it('keeps a key while a holder that joined at the last moment still waits', async () => {
    const locks = new KeyedLock();
    let late: Promise<void> | undefined;
    await locks.run('upload-1', () => {
      late = locks.run('upload-1', () => tick(5));
      return Promise.resolve();
    });
    expect(locks.size).toBe(1);
    await late;
    expect(locks.size).toBe(0);
  });
});
