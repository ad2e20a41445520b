// What other features use of the members feature; its screen is in routes.tsx.
export { useMembers } from './api/members';
