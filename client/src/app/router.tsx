import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
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
  JitOverviewRoute,
  JitRecordRoute,
} from './routes/jit';
import { NotFoundRoute } from './routes/not-found';
import { SessionGate } from './session-gate';

/**
 * Screens: /setup, /login, /change-password, /jits, /jits/new, /jits/:jitId, /jits/:jitId/members,
 * /jits/:jitId/record, /jits/:jitId/evidence, /jits/:jitId/evidence/new, /jits/:jitId/evidence/:itemId,
 * /account, /admin/users.
 */
export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
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
            </Route>
            <Route path="/account" element={<AccountRoute />} />
            <Route path="/admin/users" element={<AdminUsersRoute />} />
            <Route path="*" element={<NotFoundRoute />} />
          </Route>
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
