// What the app shell uses of the account feature (the language menu saves the profile); the screen is in routes.tsx.
export { useUpdateProfile } from './api/profile';
