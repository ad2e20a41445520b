// What other features and the app shell use of the JIT feature; its screens are in routes.tsx.
export { useJit, useJits } from './api/jits';
export { useJitContext } from './hooks/use-jit-context';
