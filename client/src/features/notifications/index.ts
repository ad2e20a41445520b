// What the app shell and the account screen use of notifications; the full list is in routes.tsx.
export { NotificationBell } from './components/notification-bell';
export { NotificationPreferencesPanel } from './components/notification-preferences-panel';
export { NotificationToasts } from './components/notification-toasts';
