// JSON-RPC 2.0 over a pair of byte streams, framed as the Language Server Protocol's base protocol
// says (LSP 3.17: `Content-Length: N\r\n\r\n` then N bytes of UTF-8 JSON). Plain Node.js, no
// dependencies and no `vscode` import, so it can be tested on its own (node test-jsonrpc.js).
'use strict';

/** Splits a byte stream into messages; calls onMessage(object) for each, onError(text) for a
 *  frame it cannot read (then skips that frame and goes on). */
class MessageReader {
  constructor(onMessage, onError) {
    this.onMessage = onMessage;
    this.onError = onError;
    this.buffer = Buffer.alloc(0);
    this.contentLength = -1;
  }

  push(chunk) {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.contentLength < 0) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const headers = this.buffer.subarray(0, end).toString('ascii').split('\r\n');
        this.buffer = this.buffer.subarray(end + 4);
        const length = headers
          .map((h) => /^content-length:\s*(\d+)\s*$/i.exec(h))
          .find((m) => m);
        if (!length) {
          this.onError(`a message without Content-Length (headers: ${headers.join(' | ')})`);
          continue;
        }
        this.contentLength = Number(length[1]);
      }
      if (this.buffer.length < this.contentLength) return;
      const body = this.buffer.subarray(0, this.contentLength).toString('utf8');
      this.buffer = this.buffer.subarray(this.contentLength);
      this.contentLength = -1;
      let message;
      try {
        message = JSON.parse(body);
      } catch (e) {
        this.onError(`a message that is not JSON: ${e.message}`);
        continue;
      }
      this.onMessage(message);
    }
  }
}

/** The bytes of one message, header included. */
function encode(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

const ErrorCodes = {
  MethodNotFound: -32601,
  InternalError: -32603,
  RequestCancelled: -32800,
  ContentModified: -32801,
};

class ResponseError extends Error {
  constructor(code, message, data) {
    super(message);
    this.code = code;
    this.data = data;
  }
}

/** Requests, notifications and their answers, both ways, over `input` (readable) and `output`
 *  (writable). `log(direction, message)` sees every message when tracing. */
class Connection {
  constructor(input, output, log) {
    this.output = output;
    this.log = log || (() => {});
    this.nextId = 1;
    this.pending = new Map();
    this.requestHandlers = new Map();
    this.notificationHandlers = new Map();
    this.closed = false;
    this.reader = new MessageReader(
      (m) => this.dispatch(m),
      (text) => this.log('error', text),
    );
    input.on('data', (chunk) => this.reader.push(chunk));
  }

  send(message) {
    if (this.closed) return;
    this.log('send', message);
    this.output.write(encode(message));
  }

  /** A promise of the result; rejected with a ResponseError. A cancellation token (anything with
   *  isCancellationRequested and onCancellationRequested, as VS Code's) sends $/cancelRequest. */
  request(method, params, token) {
    if (this.closed) return Promise.reject(new ResponseError(ErrorCodes.InternalError, 'the server has stopped'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      let cancelListener;
      this.pending.set(id, {
        resolve: (v) => { if (cancelListener) cancelListener.dispose(); resolve(v); },
        reject: (e) => { if (cancelListener) cancelListener.dispose(); reject(e); },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
      if (token && token.onCancellationRequested) {
        cancelListener = token.onCancellationRequested(() => this.notify('$/cancelRequest', { id }));
      }
    });
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  onRequest(method, handler) { this.requestHandlers.set(method, handler); }

  onNotification(method, handler) { this.notificationHandlers.set(method, handler); }

  dispatch(message) {
    this.log('receive', message);
    if (message.id !== undefined && message.method === undefined) {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error) {
        waiting.reject(new ResponseError(message.error.code, message.error.message, message.error.data));
      } else {
        waiting.resolve(message.result === undefined ? null : message.result);
      }
    } else if (message.id !== undefined) {
      this.answer(message);
    } else if (typeof message.method === 'string') {
      const handler = this.notificationHandlers.get(message.method);
      if (handler) {
        try { handler(message.params); } catch (e) { this.log('error', `${message.method}: ${e.stack || e}`); }
      }
    }
  }

  async answer(request) {
    const handler = this.requestHandlers.get(request.method);
    if (!handler) {
      this.send({ jsonrpc: '2.0', id: request.id,
        error: { code: ErrorCodes.MethodNotFound, message: `unhandled method ${request.method}` } });
      return;
    }
    try {
      const result = await handler(request.params);
      this.send({ jsonrpc: '2.0', id: request.id, result: result === undefined ? null : result });
    } catch (e) {
      this.send({ jsonrpc: '2.0', id: request.id,
        error: { code: e.code || ErrorCodes.InternalError, message: String(e.message || e) } });
    }
  }

  /** The server is gone: every waiting request fails. */
  close(reason) {
    this.closed = true;
    for (const waiting of this.pending.values()) waiting.reject(new ResponseError(ErrorCodes.InternalError, reason));
    this.pending.clear();
  }
}

module.exports = { MessageReader, Connection, ResponseError, ErrorCodes, encode };
