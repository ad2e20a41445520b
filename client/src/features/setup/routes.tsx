import { SetupForm } from './components/setup-form';

// The first-run set-up screen, loaded on first visit (app/router.tsx): /setup.
export const SetupRoute = () => <SetupForm />;
