import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { WriteQueue } from './population-import.bulk.ts';

describe('WriteQueue', () => {
  it('runs the writes one at a time in the order given, and lets the caller run ahead up to its depth', async () => {
    const queue = new WriteQueue(2);
    const log: string[] = [];
    let running = 0;
    const write = (name: string) => async () => {
      running += 1;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      await sleep(5);
      log.push(`end ${name}`);
      running -= 1;
    };
    await queue.add(write('a'));
    await queue.add(write('b'));
    expect(log).not.toContain('end a');
    await queue.add(write('c'));
    expect(log).toContain('end a');
    await queue.drain();
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('surfaces a failed write, and runs none of the writes queued after it', async () => {
    const queue = new WriteQueue(4);
    const ran: string[] = [];
    await queue.add(async () => {
      throw new Error('the database refused');
    });
    await queue.add(async () => {
      ran.push('after');
    });
    await expect(queue.drain()).rejects.toThrow('the database refused');
    expect(ran).toEqual([]);
  });
});
