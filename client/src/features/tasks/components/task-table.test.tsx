import type { Task } from '@jit/shared';
import { screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { TaskTable } from './task-table';

const task: Task = {
  id: 't1',
  jitId: 'j9',
  title: 'Interview witness W',
  description: '',
  status: 'todo',
  position: 0,
  priority: 'normal',
  assigneeMemberId: 'm2',
  assigneeUserId: 'u2',
  assigneeName: 'Sanne Visser',
  assigningPartyId: 'p1',
  dueDate: null,
  overdue: false,
  labels: [],
  checklist: [],
  createdBy: 'u1',
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
};

describe('TaskTable', () => {
  it('links each title to its task, over its own JIT’s board (as on "My tasks", across JITs)', async () => {
    await renderWithProviders(<RouterProvider router={createMemoryRouter([{ path: '/tasks', element: <TaskTable tasks={[task]} /> }], { initialEntries: ['/tasks'] })} />);
    const link = within(screen.getByTestId('task-row-Interview witness W')).getByRole('link', { name: 'Interview witness W' });
    expect(link.getAttribute('href')).toBe('/jits/j9/tasks?task=t1');
  });
});
