// What the session gate asks of the first-run set-up; the screen is in routes.tsx.
export { useSetupStatus } from './api/setup';
