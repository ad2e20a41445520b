/**
 * Confirming it is you before a sensitive action. The server answers such a request with 403
 * `step_up_required` when the session's last proof is old; the API client then asks the handler
 * the shell registers (a dialog for the code or the password) and, once it is confirmed, sends the
 * request again. Requests that need it at the same moment share one dialog.
 */
export type StepUpHandler = () => Promise<boolean>;

let handler: StepUpHandler | null = null;
let pending: Promise<boolean> | null = null;

/** Registers who asks; returns the function that unregisters it. */
export function registerStepUpHandler(next: StepUpHandler): () => void {
  handler = next;
  return () => {
    if (handler === next) handler = null;
  };
}

/** Asks the person to confirm it is them; false when nobody can ask, or they cancelled. */
export function confirmIdentity(): Promise<boolean> {
  if (!handler) return Promise.resolve(false);
  pending ??= handler().finally(() => {
    pending = null;
  });
  return pending;
}
