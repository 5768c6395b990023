// editors/vscode/jsonrpc.js: framing split across chunks and several messages in one chunk,
// multi-byte text (Content-Length counts bytes), a malformed frame skipped, requests both ways,
// errors, cancellation and a closed connection. Run by check_vscode.py when node is installed.
'use strict';
const assert = require('assert');
const { PassThrough } = require('stream');
const { MessageReader, Connection, encode, ErrorCodes } = require('../../editors/vscode/jsonrpc.js');

async function main() {
  // Framing.
  const got = [];
  const errors = [];
  const reader = new MessageReader((m) => got.push(m), (e) => errors.push(e));
  const a = encode({ jsonrpc: '2.0', method: 'a', params: { text: 'Zoë 👟' } });
  const b = encode({ jsonrpc: '2.0', id: 1, result: null });
  const all = Buffer.concat([a, Buffer.from('Content-Length: 5\r\n\r\n{bad}'), b]);
  for (let i = 0; i < all.length; i += 3) reader.push(all.subarray(i, i + 3)); // 3 bytes at a time
  assert.deepStrictEqual(got.map((m) => m.method || m.id), ['a', 1]);
  assert.strictEqual(got[0].params.text, 'Zoë 👟');
  assert.strictEqual(errors.length, 1, 'the malformed frame is reported once');
  reader.push(Buffer.concat([a, b])); // two in one chunk
  assert.strictEqual(got.length, 4);
  reader.push(Buffer.from('X-Other: 1\r\n\r\n'));
  assert.strictEqual(errors.length, 2, 'a frame without Content-Length is reported');

  // Two connections talking to each other.
  const ab = new PassThrough();
  const ba = new PassThrough();
  const client = new Connection(ba, ab);
  const server = new Connection(ab, ba);
  server.onRequest('add', (p) => p.x + p.y);
  server.onRequest('fail', () => { const e = new Error('nope'); e.code = -32001; throw e; });
  let cancelled = null;
  server.onNotification('$/cancelRequest', (p) => { cancelled = p.id; });
  server.onRequest('slow', () => new Promise(() => {}));
  assert.strictEqual(await client.request('add', { x: 2, y: 3 }), 5);
  await assert.rejects(client.request('fail', {}), (e) => e.code === -32001 && e.message === 'nope');
  await assert.rejects(client.request('unknown', {}), (e) => e.code === ErrorCodes.MethodNotFound);
  let cancel;
  const token = { isCancellationRequested: false,
    onCancellationRequested: (f) => { cancel = f; return { dispose() {} }; } };
  const slow = client.request('slow', {}, token);
  const id = client.nextId - 1;
  cancel();
  await new Promise((r) => setTimeout(r, 20));
  assert.strictEqual(cancelled, id, '$/cancelRequest names the request');
  client.close('gone');
  await assert.rejects(slow, /gone/);
  await assert.rejects(client.request('add', { x: 1, y: 1 }), /stopped/);
  console.log('jsonrpc: ok');
}

main().catch((e) => { console.error(e); process.exit(1); });
