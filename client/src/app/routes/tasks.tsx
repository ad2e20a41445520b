import { MyTasks } from '../../features/tasks/components/my-tasks';

export function MyTasksRoute() {
  return <MyTasks />;
}
