import { useNavigate } from 'react-router';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { LoginForm } from '../../features/auth/components/login-form';
import { SetupForm } from '../../features/setup/components/setup-form';
import { useCurrentUser } from '../../lib/auth';

export const SetupRoute = () => <SetupForm />;
export const LoginRoute = () => <LoginForm />;

export function ChangePasswordRoute() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  return <ChangePasswordForm forced={me.mustChangePassword} onDone={() => me.mustChangePassword && navigate('/jits')} />;
}
