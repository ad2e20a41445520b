// The links feature has no screen of its own: its panel sits on notes, tasks and evidence items.
export { LinksPanel } from './components/links-panel';
