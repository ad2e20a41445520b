import type { PresenceFocus } from '@jit/shared';
import { describe, expect, it, vi } from 'vitest';
import { PresenceFocusTracker } from './presence-focus';

const jit: PresenceFocus = { jitId: 'j1', noteId: null, editing: false };
const reading: PresenceFocus = { jitId: 'j1', noteId: 'n1', editing: false };
const editing: PresenceFocus = { jitId: 'j1', noteId: 'n1', editing: true };

/** Lets the tracker's microtask run. */
const settle = () => Promise.resolve();

describe('PresenceFocusTracker', () => {
  it('sends the most specific focus, whatever order the screens declare it in', async () => {
    const tracker = new PresenceFocusTracker();
    const send = vi.fn();
    tracker.connect(send);
    // React runs a child's effects before its parent's: the note page declares before the JIT layout.
    const leaveNote = tracker.declare(reading);
    const leaveJit = tracker.declare(jit);
    await settle();
    expect(send.mock.calls).toEqual([[reading]]);

    leaveNote();
    await settle();
    expect(send).toHaveBeenLastCalledWith(jit);
    leaveJit();
    await settle();
    expect(send).toHaveBeenLastCalledWith(null);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('sends one change for a screen leaving and the next arriving in the same commit', async () => {
    const tracker = new PresenceFocusTracker();
    const send = vi.fn();
    tracker.connect(send);
    tracker.declare(jit);
    const leavePage = tracker.declare(reading);
    await settle();
    send.mockClear();

    leavePage();
    tracker.declare(editing);
    await settle();
    expect(send.mock.calls).toEqual([[editing]]);
  });

  it('says nothing while disconnected and sends the current focus again after a reconnect', async () => {
    const tracker = new PresenceFocusTracker();
    const first = vi.fn();
    tracker.declare(jit);
    await settle();
    tracker.connect(first);
    expect(first.mock.calls).toEqual([[jit]]);

    tracker.disconnect();
    tracker.declare(editing);
    await settle();
    expect(first).toHaveBeenCalledTimes(1);

    // The server's new socket knows nothing: the focus goes again, even if it was sent before.
    const second = vi.fn();
    tracker.connect(second);
    expect(second.mock.calls).toEqual([[editing]]);
  });

  it('sends nothing on connect when no screen declares a focus', () => {
    const tracker = new PresenceFocusTracker();
    const send = vi.fn();
    tracker.connect(send);
    expect(send).not.toHaveBeenCalled();
  });
});
