import cliProgress from "cli-progress";

/**
 * A progress bar on a terminal; on a pipe (CI, logs) a line every 10 %. Returns the callback the
 * long-running functions take (`onProgress(done, total)`) and a `finish` to close it.
 */
export function progressBar(label: string) {
  const tty = Boolean(process.stdout.isTTY);
  let bar: cliProgress.SingleBar | undefined;
  let lastDecile = -1;
  const update = (done: number, total: number) => {
    if (tty) {
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      bar.setTotal(total);
      bar.update(done);
      return;
    }
    const decile = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (decile !== lastDecile) {
      lastDecile = decile;
      const pct = total === 0 ? 100 : Math.round((done / total) * 100);
      console.log(`${label}: ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} (${pct}%)`);
    }
  };
  return { update, finish: () => bar?.stop() };
}
