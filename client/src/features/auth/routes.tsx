import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../lib/auth';
import { ChangePasswordForm } from './components/change-password-form';
import { LoginForm } from './components/login-form';
import { SecondFactorForm } from './components/second-factor-form';

// The sign-in screens, loaded on first visit (app/router.tsx): /login, /sign-in/code, /change-password.
export const LoginRoute = () => <LoginForm />;
export const SecondFactorRoute = () => <SecondFactorForm />;

export function ChangePasswordRoute() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  return <ChangePasswordForm forced={me.mustChangePassword} onDone={() => me.mustChangePassword && void navigate('/jits')} />;
}
