// What other features use of the tasks feature; its screens are in routes.tsx.
export { useTasks } from './api/tasks';
