import { NotificationsPage } from './components/notifications-page';

// The notifications screen, loaded on first visit (app/router.tsx): /notifications.
export function NotificationsRoute() {
  return <NotificationsPage />;
}
