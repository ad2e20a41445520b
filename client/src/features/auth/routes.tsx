import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../lib/auth';
import { ChangePasswordForm } from './components/change-password-form';
import { LoginForm } from './components/login-form';

// The sign-in screens, loaded on first visit (app/router.tsx): /login, /change-password.
export const LoginRoute = () => <LoginForm />;

export function ChangePasswordRoute() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  return <ChangePasswordForm forced={me.mustChangePassword} onDone={() => me.mustChangePassword && void navigate('/jits')} />;
}
