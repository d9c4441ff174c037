// A `--jsonl` worker thread: loads the triager once, then triages chunks of lines sent by the pool.
import { parentPort, workerData } from 'node:worker_threads';
import { triageJsonLine, type BatchCounts } from './batch.ts';
import type { ChunkReply, ChunkRequest, WorkerSetup } from './batch-pool.ts';
import { openTriager } from './open.ts';

const port = parentPort!;
const setup = workerData as WorkerSetup;
const triager = await openTriager({ dataDir: setup.dataDir });
port.on('message', (req: ChunkRequest) => {
  const counts: BatchCounts = { ok: 0, rejected: 0 };
  let reply: ChunkReply;
  try {
    const out: string[] = [];
    for (let i = 0; i < req.lines.length; i++) out.push(triageJsonLine(triager, req.lines[i]!, req.lineNos[i]!, counts));
    reply = { seq: req.seq, out: out.join('\n'), ok: counts.ok, rejected: counts.rejected };
  } catch (err) {
    reply = { seq: req.seq, failure: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
