import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers.js';

describeEachDatabase('site files', (ctx) => {
  it('answers /favicon.ico with an icon holding the archive\'s book at 16 and 32 pixels, and every page links it', async () => {
    const response = await ctx().app.inject({ url: '/favicon.ico' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/x-icon');
    const ico = response.rawPayload;
    expect([...ico.subarray(0, 6)]).toEqual([0, 0, 1, 0, 2, 0]);
    const sizes = [0, 1].map((i) => ico.readUInt8(6 + i * 16));
    expect(sizes).toEqual([16, 32]);
    const firstImage = ico.readUInt32LE(6 + 12);
    expect(ico.subarray(firstImage, firstImage + 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    expect((await ctx().app.inject({ url: '/' })).body).toContain('<link rel="icon" href="/favicon.ico"');
  });
});
