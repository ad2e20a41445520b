import type { ChecklistItem } from '@jit/shared';

/** One item of a task's checklist ticked or unticked; the text tells the server whether the item is still the one the person saw. */
export interface ChecklistTick {
  index: number;
  text: string;
  done: boolean;
}

/** The checklist as shown while ticks are saved, the ticks applied in order; a tick whose item has moved or changed is left out rather than shown on another item. */
export function applyTicks(checklist: readonly ChecklistItem[], ticks: readonly ChecklistTick[]): ChecklistItem[] {
  const items = checklist.map((item) => ({ ...item }));
  for (const tick of ticks) {
    const item = items[tick.index];
    if (item && item.text === tick.text) item.done = tick.done;
  }
  return items;
}

export const doneCount = (checklist: readonly ChecklistItem[]): number => checklist.filter((item) => item.done).length;
