import type { Jit } from '@jit/shared';
import { useOutletContext } from 'react-router';

/** The JIT a screen under /jits/:jitId is in: loaded once by the JIT layout and passed down its outlet. */
export const useJitContext = (): Jit => useOutletContext<Jit>();
