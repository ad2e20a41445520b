// What the journeys leave on the page's window to observe it from the test (page.evaluate).
export {};

declare global {
  interface Window {
    /** Set by markDocument; still there while no reload has happened. */
    __sameDocument?: boolean;
    /** The values an upload's progress bar showed, per bar label (recordUploadProgress). */
    __uploadProgress?: Record<string, number[]>;
    /** Set only if markup a member wrote ran as script: the XSS probes' tripwire. */
    __xss?: number;
  }
}
