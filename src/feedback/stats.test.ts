// A creator's statistics, on both databases: each work's figures and the totals, the hits chart
// drawn as SVG with its table, sorting, the CSV, and nobody else's eyes.
import { expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { describeEachDatabase, postWork, signUp } from '../../test/helpers.js';
import { parsePage, textOf, textsOf } from '../../test/html.js';

describeEachDatabase('statistics', (ctx) => {
  it('shows a creator their works’ figures, a hits chart and a CSV, and nobody else', async () => {
    const t = ctx();
    await t.app.hits.stop();
    const writer = await signUp(t.app);
    const reader = await signUp(t.app);
    const loved = await postWork(writer, { title: 'Much Loved, "Quoted"' });
    const quiet = await postWork(writer, { title: 'Quiet One' });
    await postWork(writer, { title: 'Unfinished Draft', action: 'draft' });
    for (const ip of ['192.0.2.31', '192.0.2.32', '192.0.2.33']) await new TestClient(t.app, ip).get(`/works/${loved}`, { 'user-agent': 'Mozilla/5.0' });
    await new TestClient(t.app, '192.0.2.34').get(`/works/${quiet}`, { 'user-agent': 'Mozilla/5.0' });
    await t.app.hits.flush();
    // The reader's visit sends no browser name: like a robot's, it is not counted.
    await reader.get(`/works/${loved}`);
    expect((await reader.post(`/works/${loved}/kudos`)).statusCode).toBe(303);
    expect((await reader.post(`/works/${loved}/subscriptions`)).statusCode).toBe(303);

    const page = parsePage((await writer.get(`/users/${writer.login}/stats`)).body);
    expect(textOf(page, 'dl.totals dd.hits')).toBe('4');
    expect(textOf(page, 'dl.totals dd.kudos')).toBe('1');
    expect(textsOf(page, 'table.works-stats tbody th')).toEqual(['Much Loved, "Quoted"', 'Quiet One']);
    expect(textsOf(page, 'table.works-stats tbody tr:first-child td').slice(0, 5)).toEqual(['3', '1', '0', '0', '1']);
    // The chart: an SVG with a bar per day of the last 30, and the same figures as a table.
    expect(page.querySelectorAll('.hits-chart svg rect.bar')).toHaveLength(30);
    expect(textOf(page, '.hits-chart svg title')).toContain('4 in all');
    expect(textsOf(page, '.hits-chart table tbody tr td:last-child').at(-1)).toBe('4');
    const byTitle = parsePage((await writer.get(`/users/${writer.login}/stats?sort=title&direction=desc`)).body);
    expect(textsOf(byTitle, 'table.works-stats tbody th')).toEqual(['Quiet One', 'Much Loved, "Quoted"']);

    const words = textsOf(page, 'table.works-stats tbody tr:first-child td').at(-1)?.replace(/,/g, '') ?? '';
    const csv = await writer.get(`/users/${writer.login}/stats.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')).toEqual([
      'work_id,title,hits,kudos,comments,bookmarks,subscriptions,words', `${loved},"Much Loved, ""Quoted""",3,1,0,0,1,${words}`, `${quiet},"Quiet One",1,0,0,0,0,${words}`, '',
    ]);
    expect((await reader.get(`/users/${writer.login}/stats`)).statusCode).toBe(403);
    expect((await new TestClient(t.app).get(`/users/${writer.login}/stats.csv`)).statusCode).toBe(401);
  });
});
