/**
 * For the SIGKILL tests: runs a child script that prints `ready` once set up and `ack <id>`
 * after each acknowledged write, and SIGKILLs it `killAfterMs` after `from`: spawn, ready, or
 * the first ack (kills then land mid-stream however slow the machine is). A partial last line
 * is a write the child did not finish acknowledging.
 */
import { spawn } from 'node:child_process';

export interface KilledRun {
  readonly acked: string[];
  readonly ready: boolean;
}

export function runAndKill(script: string, args: readonly string[], killAfterMs: number, from: 'spawn' | 'ready' | 'firstAck' = 'ready'): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-warnings', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let ready = false;
    let buffer = '';
    let stderr = '';
    const kill = () => child.kill('SIGKILL');
    if (from === 'spawn') setTimeout(kill, killAfterMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line === 'ready') {
          ready = true;
          if (from === 'ready') setTimeout(kill, killAfterMs);
        } else if (line.startsWith('ack ')) {
          acked.push(line.slice(4));
          if (from === 'firstAck' && acked.length === 1) setTimeout(kill, killAfterMs);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited on its own (code ${code}): ${stderr.slice(0, 2000)}`));
      else resolve({ acked, ready });
    });
  });
}
