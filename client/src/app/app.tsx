import { Suspense } from 'react';
import { AppProvider } from './provider';
import { AppRouter } from './router';

export function App() {
  // A language other than English is its own chunk: the first paint waits the moment it takes to arrive.
  return (
    <Suspense fallback={null}>
      <AppProvider>
        <AppRouter />
      </AppProvider>
    </Suspense>
  );
}
