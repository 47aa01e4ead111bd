/**
 * The stream's files in the output tree: one JSONL file per topic, `<folder>/<topic>.jsonl`
 * (folder `topics` unless sinkConnection.path says otherwise), each produced lazily, batch by
 * batch, when the tree is written: a million events never sit in memory as one buffer.
 */
import type { StreamFile } from '../../output/files';
import { StreamCursor } from './stream-emit.cursor';
import type { StreamPlan } from './stream-emit.plan';

/** Events per produced chunk: a few megabytes of envelopes. */
export const FILE_BATCH = 8192;

/** The path of topic t's file. */
export function topicPath(plan: StreamPlan, folder: string, t: number): string {
  return `${folder}/${plan.source.topicFiles[t]}.jsonl`;
}

/** One lazily produced file per topic that receives at least one event, in topic order. */
export function topicFiles(plan: StreamPlan, folder: string, eventsPerTopic: readonly number[]): StreamFile[] {
  const files: StreamFile[] = [];
  plan.source.topics.forEach((_, t) => {
    if (eventsPerTopic[t] === 0) return;
    files.push({
      path: topicPath(plan, folder, t),
      *produce() {
        const cursor = new StreamCursor(plan, { topic: t });
        for (let b = cursor.nextBatch(FILE_BATCH); b; b = cursor.nextBatch(FILE_BATCH)) yield b.bytes;
      },
    });
  });
  return files;
}
