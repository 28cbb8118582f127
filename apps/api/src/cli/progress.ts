// A one-line progress bar on stderr, drawn only on a terminal so logs and pipes stay clean.
export interface Progress {
  update(done: number, note?: string): void;
  finish(): void;
}

export function createProgress(
  label: string,
  total: number,
  isTTY = Boolean(process.stderr.isTTY),
): Progress {
  if (!isTTY || total <= 0) return { update: () => undefined, finish: () => undefined };
  const width = 30;
  let last = '';
  const draw = (done: number, note = '') => {
    const ratio = Math.min(1, done / total);
    const filled = Math.round(ratio * width);
    const line =
      `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${note}`.trimEnd();
    if (line === last) return;
    last = line;
    process.stderr.write(`\r\x1b[2K${line}`);
  };
  draw(0);
  return {
    update: draw,
    finish: () => process.stderr.write('\n'),
  };
}
