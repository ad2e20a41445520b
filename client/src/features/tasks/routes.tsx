import { useJitContext } from '../jits';
import { useCurrentUser } from '../../lib/auth';
import { MyTasks } from './components/my-tasks';
import { TasksPage } from './components/tasks-page';

// The task screens, loaded on first visit (app/router.tsx): /jits/:jitId/tasks and /tasks (mine, across JITs).
export function JitTasksRoute() {
  return <TasksPage jit={useJitContext()} me={useCurrentUser()} />;
}

export function MyTasksRoute() {
  return <MyTasks />;
}
