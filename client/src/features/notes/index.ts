// What other features use of the notes feature; its screens are in routes.tsx.
export { useNotes } from './api/notes';
