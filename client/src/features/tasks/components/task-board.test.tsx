import type { Task } from '@jit/shared';
import { useState } from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { aTask } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { TaskBoard } from './task-board';

const TITLE = 'Trace the containers';

describe('TaskBoard', () => {
  it('keeps the focus on a card moved with the keyboard, in the column it lands in', async () => {
    const onMove = vi.fn();
    // The board as its page holds it: a move puts the card in its new column, a new element.
    function Harness() {
      const [tasks, setTasks] = useState<Task[]>([aTask({ title: TITLE, status: 'todo' })]);
      return (
        <MemoryRouter>
          <TaskBoard
            tasks={tasks}
            canMove={() => true}
            onMove={(moved, status, position) => {
              onMove(moved.id, status, position);
              setTasks([{ ...moved, status }]);
            }}
          />
        </MemoryRouter>
      );
    }
    await renderWithProviders(<Harness />);
    const select = screen.getByRole('combobox', { name: `Move ${TITLE} to` });
    select.focus();
    fireEvent.change(select, { target: { value: 'in_progress' } });
    expect(onMove).toHaveBeenCalledWith('t1', 'in_progress', 0);

    const moved = screen.getByRole('combobox', { name: `Move ${TITLE} to` });
    expect(screen.getByTestId('board-column-in_progress').contains(moved)).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(moved));
  });
});
