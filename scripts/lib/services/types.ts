export type ManagedService = {
  name: string;
  pid: number | undefined;
  /** Called once if the process ends on its own (not through `stop`). */
  onExit(cb: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  stop(): Promise<void>;
};
