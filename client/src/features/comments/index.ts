// The comments feature has no screen of its own: its panel sits on notes, tasks and evidence items.
export { CommentsPanel } from './components/comments-panel';
