import type { PresenceFocus } from '@jit/shared';

/** Sends this tab's focus to the server (`presence:focus`). */
export type FocusSender = (focus: PresenceFocus | null) => void;

/** A note being edited says more than a note being read, which says more than the JIT alone. */
const specificity = (focus: PresenceFocus): number => (focus.noteId ? (focus.editing ? 2 : 1) : 0);

const sameFocus = (a: PresenceFocus | null, b: PresenceFocus | null): boolean =>
  a === b || (a !== null && b !== null && a.jitId === b.jitId && a.noteId === b.noteId && a.editing === b.editing);

/**
 * What this tab looks at, for presence. The server keeps one focus per socket, but several screens
 * declare one at the same time (the JIT layout, the note page inside it): the most specific wins,
 * the latest among equals. No socket and no React here, so it is tested alone.
 */
export class PresenceFocusTracker {
  private declared: Array<{ token: number; focus: PresenceFocus }> = [];
  private nextToken = 0;
  private sender: FocusSender | null = null;
  private sent: PresenceFocus | null = null;
  private scheduled = false;

  /** Declares a focus until the returned function is called (a screen's effect and its cleanup). */
  declare(focus: PresenceFocus): () => void {
    const token = this.nextToken;
    this.nextToken += 1;
    this.declared.push({ token, focus });
    this.schedule();
    return () => {
      this.declared = this.declared.filter((entry) => entry.token !== token);
      this.schedule();
    };
  }

  current(): PresenceFocus | null {
    let best: PresenceFocus | null = null;
    for (const { focus } of this.declared) if (!best || specificity(focus) >= specificity(best)) best = focus;
    return best;
  }

  /** A (re)connected socket has no focus on the server yet: it is sent ours. */
  connect(sender: FocusSender): void {
    this.sender = sender;
    this.sent = null;
    this.flush();
  }

  /** Changes made while disconnected are sent on the next connect, not buffered one by one. */
  disconnect(): void {
    this.sender = null;
  }

  // One React commit unmounts the screen left and mounts the next: both changes go out as one.
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (!this.sender) return;
    const focus = this.current();
    if (sameFocus(focus, this.sent)) return;
    this.sent = focus;
    this.sender(focus);
  }
}
