import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import { TelemetryFileError } from './errors.ts';

/**
 * The bytes of an ingest file, gzip-compressed or not (Datadog log archives are gzipped JSON lines):
 * compression is recognised by the gzip magic number, not the file name.
 */
export interface FileBytes {
  gzip: boolean;
  /** The first `max` bytes (decompressed), or fewer when the file is shorter. */
  head(max: number): Promise<Buffer>;
  /** The whole content when it is at most `max` bytes (decompressed), else undefined. */
  whole(max: number): Promise<Buffer | undefined>;
  /** The content in chunks; a corrupt or truncated gzip stream throws `GzipDataError` after the chunks before it. */
  chunks(): AsyncGenerator<Buffer>;
}

/** A gzip stream that is corrupt or ends early; what came before it was read. */
export class GzipDataError extends Error {
  override name = 'GzipDataError';
}

/** Opens `path` for reading as ingest input. */
export async function fileBytes(path: string): Promise<FileBytes> {
  let gzip: boolean;
  try {
    const fh = await open(path, 'r');
    try {
      const magic = Buffer.alloc(2);
      const { bytesRead } = await fh.read(magic, 0, 2, 0);
      gzip = bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
    } finally {
      await fh.close();
    }
  } catch (err) {
    throw new TelemetryFileError(path, err);
  }
  return gzip ? gzipBytes(path) : plainBytes(path);
}

function plainBytes(path: string): FileBytes {
  return {
    gzip: false,
    async head(max) {
      const fh = await open(path, 'r');
      try {
        const buf = Buffer.alloc(max);
        const { bytesRead } = await fh.read(buf, 0, max, 0);
        return buf.subarray(0, bytesRead);
      } finally {
        await fh.close();
      }
    },
    async whole(max) {
      const buf = await readFile(path);
      return buf.length <= max ? buf : undefined;
    },
    async *chunks() {
      const fh = await open(path, 'r');
      try {
        for (;;) {
          const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
          const { bytesRead } = await fh.read(buf, 0, buf.length, null);
          if (bytesRead === 0) return;
          yield buf.subarray(0, bytesRead);
        }
      } finally {
        await fh.close();
      }
    },
  };
}

function gzipBytes(path: string): FileBytes {
  const chunks = async function* (): AsyncGenerator<Buffer> {
    const stream = createReadStream(path).pipe(createGunzip());
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } catch (err) {
      throw new GzipDataError((err as Error).message);
    } finally {
      stream.destroy();
    }
  };
  return {
    gzip: true,
    async head(max) {
      const parts: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of chunks()) {
          parts.push(chunk);
          size += chunk.length;
          if (size >= max) break;
        }
      } catch (err) {
        if (!(err instanceof GzipDataError)) throw err;
      }
      return Buffer.concat(parts).subarray(0, max);
    },
    async whole(max) {
      try {
        // Bounded, so a small file that inflates without end (a "zip bomb") cannot exhaust memory.
        return gunzipSync(await readFile(path), { maxOutputLength: max });
      } catch {
        return undefined;
      }
    },
    chunks,
  };
}
