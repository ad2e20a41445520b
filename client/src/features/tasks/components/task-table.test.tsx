import type { Task } from '@jit/shared';
import { screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { aTask } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { TaskTable } from './task-table';

const task: Task = aTask({ jitId: 'j9' });

describe('TaskTable', () => {
  it('links each title to its task, over its own JIT’s board (as on "My tasks", across JITs)', async () => {
    await renderWithProviders(<RouterProvider router={createMemoryRouter([{ path: '/tasks', element: <TaskTable tasks={[task]} /> }], { initialEntries: ['/tasks'] })} />);
    const link = within(screen.getByTestId('task-row-Interview witness W')).getByRole('link', { name: 'Interview witness W' });
    expect(link.getAttribute('href')).toBe('/jits/j9/tasks?task=t1');
  });
});
