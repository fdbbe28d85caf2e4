// Child process: a bare node:http server answering every request with one fixed body and content
// type (the app's page, read from a file), the ceiling the app's figures are compared with.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [bodyFile, contentType] = process.argv.slice(2);
if (bodyFile === undefined || contentType === undefined) throw new Error('usage: bare-server.ts BODY_FILE CONTENT_TYPE');
const body = readFileSync(bodyFile);

const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
  response.end(body);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once('SIGTERM', stop);
process.once('disconnect', stop);

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ ready: true, port: typeof address === 'object' && address !== null ? address.port : 0 });
});
