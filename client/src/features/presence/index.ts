// Who else is here: shown on the JIT overview and around a note; no screen of its own.
export { AlsoHere, OthersEditingHint } from './components/note-presence';
export { OnlineNow } from './components/online-now';
