// Guests' cached work pages must never outlive a change: edits, locking, drafts, deletion.
import { sql } from 'kysely';
import { expect, it, vi } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp, workFields } from '../../test/helpers.js';

describeEachDatabase('guest page cache', (ctx) => {
  it('serves the same bytes again, and the new text right after an edit', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { title: 'First Light' });
    const guest = new TestClient(ctx().app);
    const first = await guest.get(`/works/${id}`);
    const second = await guest.get(`/works/${id}`);
    expect(second.body).toBe(first.body);
    expect(second.headers['set-cookie']).toBeUndefined();
    await writer.post(`/works/${id}`, workFields({ title: 'Second Light' }));
    const after = await guest.get(`/works/${id}`);
    expect(after.body).toContain('Second Light');
    expect(after.body).not.toContain('First Light');
  });

  it('stops serving a cached page once the work is locked, unposted or deleted', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { title: 'Soon Locked' });
    const guest = new TestClient(ctx().app);
    expect((await guest.get(`/works/${id}`)).body).toContain('Soon Locked');
    expect((await guest.get(`/works/${id}`)).body).toContain('Soon Locked');
    await writer.post(`/works/${id}`, workFields({ title: 'Soon Locked', restricted: '1' }));
    const locked = await guest.get(`/works/${id}`);
    expect(locked.body).toContain('only available to registered users');
    expect(locked.body).not.toContain('The lamp had to be lit');
    await writer.post(`/works/${id}`, workFields({ title: 'Soon Locked' }));
    expect((await guest.get(`/works/${id}`)).body).toContain('The lamp had to be lit');
    await writer.post(`/works/${id}/delete`);
    expect((await guest.get(`/works/${id}`)).statusCode).toBe(404);
  });

  it('never gives a logged-in reader the guest page, and keeps the adult notice per visitor', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { rating: 'Explicit' });
    const guest = new TestClient(ctx().app);
    expect((await guest.get(`/works/${id}`)).body).toContain('could have adult content');
    await guest.get(`/works/${id}?view_adult=true`);
    expect((await guest.get(`/works/${id}`)).body).toContain('The lamp had to be lit');
    expect((await new TestClient(ctx().app).get(`/works/${id}`)).body).toContain('could have adult content');
    const reader = await signUp(ctx().app);
    expect((await reader.get(`/works/${id}?view_adult=true`)).body).toContain('Log out');
  });

  it('notices a change made by another app server within a second', async () => {
    const writer = await signUp(ctx().app);
    const id = await postWork(writer, { title: 'Shared Database' });
    const guest = new TestClient(ctx().app);
    expect((await guest.get(`/works/${id}`)).body).toContain('Shared Database');
    // Another server's edit: the row changes, and this process hears nothing of it.
    await sql`update works set title = 'Changed Elsewhere', version = version + 1 where id = ${id}`.execute(ctx().database.db);
    const start = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(start + 1500);
    try {
      expect((await guest.get(`/works/${id}`)).body).toContain('Changed Elsewhere');
    } finally {
      clock.mockRestore();
    }
  });
});
