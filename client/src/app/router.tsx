import { useState, type ComponentType } from 'react';
import { createBrowserRouter, createRoutesFromElements, Navigate, Route, RouterProvider } from 'react-router';
import { PageLoader } from '../components/page-state';
import { AppLayout } from './layout';
import { NotFoundRoute } from './not-found';
import { SessionGate } from './session-gate';

/**
 * A screen from a feature's routes.tsx, loaded when first visited: the first script holds the shell
 * (layout, session, top bar) and each feature's screens come as their own chunk.
 */
function screen<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}

const jits = () => import('../features/jits/routes');
const evidence = () => import('../features/evidence/routes');
const notes = () => import('../features/notes/routes');
const tasks = () => import('../features/tasks/routes');
const auth = () => import('../features/auth/routes');
const account = () => import('../features/account/routes');

/**
 * Screens: /setup, /login, /sign-in/code (the second factor), /change-password, /sign-in/second-factor
 * (enrolling one the platform or a JIT requires), /jits, /jits/new, /jits/:jitId, /jits/:jitId/members,
 * /jits/:jitId/record, /jits/:jitId/evidence, /jits/:jitId/evidence/new, /jits/:jitId/evidence/:itemId,
 * /jits/:jitId/notes, /jits/:jitId/notes/new, /jits/:jitId/notes/:noteId (/edit, /history),
 * /jits/:jitId/tasks, /tasks (my tasks across JITs), /notifications, /account, /admin/users.
 */
export const appRoutes = createRoutesFromElements(
  <Route element={<AppLayout />} hydrateFallbackElement={<PageLoader />}>
    <Route element={<SessionGate />}>
      <Route
        path="/setup"
        lazy={screen(
          () => import('../features/setup/routes'),
          (m) => m.SetupRoute,
        )}
      />
      <Route path="/login" lazy={screen(auth, (m) => m.LoginRoute)} />
      <Route path="/sign-in/code" lazy={screen(auth, (m) => m.SecondFactorRoute)} />
      <Route path="/change-password" lazy={screen(auth, (m) => m.ChangePasswordRoute)} />
      <Route path="/sign-in/second-factor" lazy={screen(account, (m) => m.EnrolSecondFactorRoute)} />
      <Route path="/" element={<Navigate to="/jits" replace />} />
      <Route path="/jits" lazy={screen(jits, (m) => m.JitListRoute)} />
      <Route path="/jits/new" lazy={screen(jits, (m) => m.CreateJitRoute)} />
      <Route path="/jits/:jitId" lazy={screen(jits, (m) => m.JitLayout)}>
        <Route index lazy={screen(jits, (m) => m.JitOverviewRoute)} />
        <Route
          path="members"
          lazy={screen(
            () => import('../features/members/routes'),
            (m) => m.JitMembersRoute,
          )}
        />
        <Route
          path="record"
          lazy={screen(
            () => import('../features/record/routes'),
            (m) => m.JitRecordRoute,
          )}
        />
        <Route path="evidence" lazy={screen(evidence, (m) => m.JitEvidenceListRoute)} />
        <Route path="evidence/new" lazy={screen(evidence, (m) => m.JitEvidenceUploadRoute)} />
        <Route path="evidence/:itemId" lazy={screen(evidence, (m) => m.JitEvidenceItemRoute)} />
        <Route path="notes" lazy={screen(notes, (m) => m.JitNotesRoute)} />
        <Route path="notes/new" lazy={screen(notes, (m) => m.JitNoteNewRoute)} />
        <Route path="notes/:noteId" lazy={screen(notes, (m) => m.JitNoteRoute)} />
        <Route path="notes/:noteId/edit" lazy={screen(notes, (m) => m.JitNoteEditRoute)} />
        <Route path="notes/:noteId/history" lazy={screen(notes, (m) => m.JitNoteHistoryRoute)} />
        <Route path="tasks" lazy={screen(tasks, (m) => m.JitTasksRoute)} />
      </Route>
      <Route path="/tasks" lazy={screen(tasks, (m) => m.MyTasksRoute)} />
      <Route
        path="/notifications"
        lazy={screen(
          () => import('../features/notifications/routes'),
          (m) => m.NotificationsRoute,
        )}
      />
      <Route path="/account" lazy={screen(account, (m) => m.AccountRoute)} />
      <Route
        path="/admin/users"
        lazy={screen(
          () => import('../features/users/routes'),
          (m) => m.AdminUsersRoute,
        )}
      />
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
