// What the app shell uses of sign-in (the top bar signs out); the screens are in routes.tsx.
export { useLogout } from './api/auth';
