// A fake `vscode` module for running editors/vscode/extension.js under plain node: the few
// classes and functions the extension uses, recording what it registers and shows. Used by
// extension_test.js (against fake_lsp_server.js) and extension_server_test.js (against journeyc lsp).
'use strict';
const Module = require('module');
const path = require('path');

const registered = {};
const listeners = {};
const collections = [];
const shown = [];
// File system watchers the extension made: fire(kind, uri) plays an event on the disk.
const watchers = [];
let outputChannel = null;
const on = (name) => (f) => { (listeners[name] = listeners[name] || []).push(f); return { dispose() {} }; };
const register = (name) => (...args) => { registered[name] = args; return { dispose() { delete registered[name]; } }; };

class Position { constructor(line, character) { this.line = line; this.character = character; } }
class Range {
  constructor(a, b, c, d) {
    if (a instanceof Position) { this.start = a; this.end = b; } else { this.start = new Position(a, b); this.end = new Position(c, d); }
  }
}
class Uri {
  constructor(s) { this.s = s; this.scheme = s.split(':')[0]; this.fsPath = s.replace(/^file:\/\//, ''); }
  static parse(s) { return new Uri(s); }
  toString() { return this.s; }
}
class MarkdownString {
  constructor(v) { this.value = v || ''; }
  appendText(t) { this.value += t; return this; }
  appendCodeblock(t, l) { this.value += `\n\`\`\`${l}\n${t}\n\`\`\`\n`; return this; }
}
class WorkspaceEdit {
  constructor() { this.edits = []; }
  replace(uri, range, newText) { this.edits.push({ uri: uri.toString(), range, newText }); }
  createFile(uri) { this.edits.push({ create: uri.toString() }); }
  renameFile(a, b) { this.edits.push({ rename: [a.toString(), b.toString()] }); }
  deleteFile(uri) { this.edits.push({ delete: uri.toString() }); }
}
class RelativePattern { constructor(base, pattern) { this.baseUri = base; this.pattern = pattern; } }
function createFileSystemWatcher(glob, ignoreCreate, ignoreChange, ignoreDelete) {
  const handlers = { create: [], change: [], delete: [] };
  const subscribe = (kind) => (f) => {
    handlers[kind].push(f);
    return { dispose() { handlers[kind] = handlers[kind].filter((g) => g !== f); } };
  };
  const watcher = {
    glob, ignored: { create: !!ignoreCreate, change: !!ignoreChange, delete: !!ignoreDelete }, disposed: false,
    onDidCreate: subscribe('create'), onDidChange: subscribe('change'), onDidDelete: subscribe('delete'),
    fire(kind, uri) { if (!watcher.disposed && !watcher.ignored[kind]) handlers[kind].forEach((f) => f(uri)); },
    dispose() { watcher.disposed = true; },
  };
  watchers.push(watcher);
  return watcher;
}
const kind = (value) => ({ value, append: (k) => kind(value ? `${value}.${k}` : k) });
const plain = (...names) => class { constructor(...args) { names.forEach((n, i) => { this[n] = args[i]; }); } };

const vscode = {
  version: '1.90.0-fake',
  Position, Range, Uri, MarkdownString, WorkspaceEdit, RelativePattern,
  Location: plain('uri', 'range'),
  Diagnostic: plain('range', 'message', 'severity'),
  DiagnosticRelatedInformation: plain('location', 'message'),
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
  CompletionItem: plain('label', 'kind'),
  CompletionList: plain('items', 'isIncomplete'),
  SnippetString: plain('value'),
  Hover: plain('contents', 'range'),
  TextEdit: { replace: (range, newText) => ({ range, newText }) },
  DocumentSymbol: plain('name', 'detail', 'kind', 'range', 'selectionRange'),
  SymbolInformation: plain('name', 'kind', 'containerName', 'location'),
  CodeAction: plain('title', 'kind'),
  CodeActionKind: { Empty: kind('') },
  SemanticTokensLegend: plain('tokenTypes', 'tokenModifiers'),
  SemanticTokens: plain('data', 'resultId'),
  FoldingRange: plain('start', 'end', 'kind'),
  FoldingRangeKind: { Comment: 1, Imports: 2, Region: 3 },
  DocumentLink: plain('range', 'target'),
  window: {
    createOutputChannel: () => (outputChannel = { lines: [], append(t) { outputChannel.lines.push(t); },
      appendLine(t) { outputChannel.lines.push(`${t}\n`); }, show() {}, dispose() {} }),
    showErrorMessage: (m) => { shown.push(m); return Promise.resolve(undefined); },
    showWarningMessage: (m) => { shown.push(m); return Promise.resolve(undefined); },
    showInformationMessage: (m) => { shown.push(m); return Promise.resolve(undefined); },
  },
  languages: {
    createDiagnosticCollection: () => {
      const c = { map: new Map(), set(u, d) { this.map.set(u.toString(), d); }, delete(u) { this.map.delete(u.toString()); },
        clear() { this.map.clear(); }, dispose() {} };
      collections.push(c);
      return c;
    },
  },
  workspace: {
    workspaceFolders: [{ uri: Uri.parse('file:///w'), name: 'w' }],
    textDocuments: [],
    getConfiguration: () => ({ get: (key) => settings[key] }),
    onDidOpenTextDocument: on('open'), onDidCloseTextDocument: on('close'), onDidChangeTextDocument: on('change'),
    onDidSaveTextDocument: on('save'), onDidChangeConfiguration: on('configuration'),
    applyEdit: () => Promise.resolve(true),
    createFileSystemWatcher,
  },
  commands: { registerCommand: register('command') },
};
for (const name of ['CompletionItemProvider', 'HoverProvider', 'DefinitionProvider', 'DeclarationProvider', 'ReferenceProvider', 'RenameProvider',
  'DocumentSymbolProvider', 'WorkspaceSymbolProvider', 'DocumentFormattingEditProvider', 'DocumentRangeFormattingEditProvider',
  'CodeActionsProvider', 'DocumentSemanticTokensProvider', 'FoldingRangeProvider', 'DocumentLinkProvider']) {
  vscode.languages[`register${name}`] = register(name);
}

const settings = {
  'server.path': process.execPath, 'server.args': [path.join(__dirname, 'fake_lsp_server.js')], 'trace.server': 'off',
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };


const output = () => (outputChannel ? outputChannel.lines.join('') : '(none)');

async function until(what, test) {
  for (let i = 0; i < 200; i++) {
    if (test()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

module.exports = { vscode, registered, listeners, collections, shown, watchers, settings, output, until, Position, Range, Uri };
