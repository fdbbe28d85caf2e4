// The proxy's disk cache: bounded in bytes, the least recently used image out first, and found
// again from its folder after a restart.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../lib/secrets.js';
import { ImageCache } from './image-cache.js';

const dirs: string[] = [];
afterEach(() => { for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true }); });

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bindery-image-cache-'));
  dirs.push(dir);
  return dir;
}

const key = (name: string) => sha256Hex(name);
const image = (fill: number) => ({ type: 'image/png', body: Buffer.alloc(400, fill) });

describe('the image cache', () => {
  it('keeps images within its size, dropping the one used longest ago', async () => {
    const dir = folder();
    const cache = new ImageCache(dir, 1000);
    await cache.put(key('a'), image(1));
    await cache.put(key('b'), image(2));
    // Reading a makes b the one used longest ago.
    expect((await cache.get(key('a')))?.body.equals(image(1).body)).toBe(true);
    await cache.put(key('c'), image(3));
    expect(cache.size).toEqual({ images: 2, bytes: 800 });
    expect(await cache.get(key('b'))).toBeUndefined();
    expect((await cache.get(key('c')))?.type).toBe('image/png');
    expect(readdirSync(dir).sort()).toEqual([`${key('a')}.png`, `${key('c')}.png`].sort());
  });

  it('finds the images kept before a restart, and forgets one removed behind its back', async () => {
    const dir = folder();
    const before = new ImageCache(dir, 1000);
    await before.put(key('a'), { type: 'image/webp', body: Buffer.from('webp bytes') });
    await before.put(key('b'), image(2));
    const after = new ImageCache(dir, 1000);
    expect((await after.get(key('a')))?.type).toBe('image/webp');
    rmSync(join(dir, `${key('b')}.png`));
    expect(await after.get(key('b'))).toBeUndefined();
    expect(after.size.images).toBe(1);
  });
});
