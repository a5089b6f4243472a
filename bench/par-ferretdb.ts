/**
 * A throw-away `par-ferretdb` for benchmarks: the one `install.sh ferretdb` built (or
 * PAR_FERRETDB_BIN, to measure a build not installed yet), on a temporary data directory, with
 * its public (write-locked) port and FerretDB's unlocked `-direct` port on free local ports.
 * `stop()` ends it and removes its data; so does an interrupt.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startParFerretdb(name: string) {
  const binary =
    process.env.PAR_FERRETDB_BIN ?? path.join(process.env.PAR_CACHE_DIR!, 'bin', 'par-ferretdb');
  const dataDir = mkdtempSync(path.join(tmpdir(), `par-bench-${name}-`));
  const [publicPort, directPort] = [await freePort(), await freePort()];
  const server = spawn(
    binary,
    ['-listen', `127.0.0.1:${publicPort}`, '-direct', `127.0.0.1:${directPort}`, '-data', dataDir],
    { stdio: ['ignore', 'ignore', 'ignore'] },
  );
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  // Interrupted: the server and its data go too (a finally does not run on a signal).
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void stop().then(() => process.exit(1)));
  for (let tries = 0; ; tries++) {
    if (spawnSync(binary, ['-ping', `127.0.0.1:${publicPort}`]).status === 0) break;
    if (tries > 100) {
      await stop();
      throw new Error(`${binary} did not answer on ${publicPort}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { publicPort, directPort, stop };
}
