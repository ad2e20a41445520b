import { useState } from 'react';
import { createBrowserRouter, createRoutesFromElements, Navigate, Route, RouterProvider } from 'react-router';
import { AppLayout } from './layout';
import { AccountRoute } from './routes/account';
import { AdminUsersRoute } from './routes/admin-users';
import { ChangePasswordRoute, LoginRoute, SetupRoute } from './routes/auth';
import { CreateJitRoute, JitListRoute } from './routes/jits';
import {
  JitEvidenceItemRoute,
  JitEvidenceListRoute,
  JitEvidenceUploadRoute,
  JitLayout,
  JitMembersRoute,
  JitNoteEditRoute,
  JitNoteHistoryRoute,
  JitNoteNewRoute,
  JitNoteRoute,
  JitNotesRoute,
  JitOverviewRoute,
  JitRecordRoute,
  JitTasksRoute,
} from './routes/jit';
import { NotFoundRoute } from './routes/not-found';
import { NotificationsRoute } from './routes/notifications';
import { MyTasksRoute } from './routes/tasks';
import { SessionGate } from './session-gate';

/**
 * Screens: /setup, /login, /change-password, /jits, /jits/new, /jits/:jitId, /jits/:jitId/members,
 * /jits/:jitId/record, /jits/:jitId/evidence, /jits/:jitId/evidence/new, /jits/:jitId/evidence/:itemId,
 * /jits/:jitId/notes, /jits/:jitId/notes/new, /jits/:jitId/notes/:noteId (/edit, /history),
 * /jits/:jitId/tasks, /tasks (my tasks across JITs), /notifications, /account, /admin/users.
 */
export const appRoutes = createRoutesFromElements(
  <Route element={<AppLayout />}>
    <Route element={<SessionGate />}>
      <Route path="/setup" element={<SetupRoute />} />
      <Route path="/login" element={<LoginRoute />} />
      <Route path="/change-password" element={<ChangePasswordRoute />} />
      <Route path="/" element={<Navigate to="/jits" replace />} />
      <Route path="/jits" element={<JitListRoute />} />
      <Route path="/jits/new" element={<CreateJitRoute />} />
      <Route path="/jits/:jitId" element={<JitLayout />}>
        <Route index element={<JitOverviewRoute />} />
        <Route path="members" element={<JitMembersRoute />} />
        <Route path="record" element={<JitRecordRoute />} />
        <Route path="evidence" element={<JitEvidenceListRoute />} />
        <Route path="evidence/new" element={<JitEvidenceUploadRoute />} />
        <Route path="evidence/:itemId" element={<JitEvidenceItemRoute />} />
        <Route path="notes" element={<JitNotesRoute />} />
        <Route path="notes/new" element={<JitNoteNewRoute />} />
        <Route path="notes/:noteId" element={<JitNoteRoute />} />
        <Route path="notes/:noteId/edit" element={<JitNoteEditRoute />} />
        <Route path="notes/:noteId/history" element={<JitNoteHistoryRoute />} />
        <Route path="tasks" element={<JitTasksRoute />} />
      </Route>
      <Route path="/tasks" element={<MyTasksRoute />} />
      <Route path="/notifications" element={<NotificationsRoute />} />
      <Route path="/account" element={<AccountRoute />} />
      <Route path="/admin/users" element={<AdminUsersRoute />} />
      <Route path="*" element={<NotFoundRoute />} />
    </Route>
  </Route>,
);

/**
 * A data router (not <BrowserRouter>), so that screens may use useBlocker: the note editor asks
 * before leaving with unsaved changes. Created once per mount, at the address the page opened on.
 */
export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(appRoutes));
  return <RouterProvider router={router} />;
}
