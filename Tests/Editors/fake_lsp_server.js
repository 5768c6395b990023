// A stand-in for `journeyc lsp` for extension_test.js: answers every request the extension makes
// with fixed data, keeps the text of open documents (applying incremental changes in UTF-16
// positions, as the protocol counts) and hovers with that text, so the test sees what arrived.
'use strict';
const { Connection } = require('../../editors/vscode/jsonrpc.js');

const c = new Connection(process.stdin, process.stdout);
const texts = new Map();
const R = (l1, c1, l2, c2) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const URI = 'file:///w/map.journey';

function offset(text, p) {
  const lines = text.split('\n');
  let o = 0;
  for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
  return o + p.character;
}

let watches = false;
c.onRequest('initialize', (p) => {
  watches = !!(p.capabilities.workspace && p.capabilities.workspace.didChangeWatchedFiles
    && p.capabilities.workspace.didChangeWatchedFiles.dynamicRegistration);
  return INITIALIZED;
});
const INITIALIZED = ({
  capabilities: {
    textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
    completionProvider: { triggerCharacters: [' '] },
    hoverProvider: true, definitionProvider: true, referencesProvider: true,
    renameProvider: { prepareProvider: true }, documentSymbolProvider: true, workspaceSymbolProvider: true,
    documentFormattingProvider: true, documentRangeFormattingProvider: true,
    codeActionProvider: { codeActionKinds: ['quickfix'] },
    semanticTokensProvider: { legend: { tokenTypes: ['keyword', 'variable'], tokenModifiers: ['declaration'] }, full: true },
    foldingRangeProvider: true, documentLinkProvider: true,
  },
  serverInfo: { name: 'fake' },
});
// As journeyc lsp does: a client that can watch files is asked to watch maps and CSV files (one
// glob relative to a base, to see that form too, and only creations and changes of CSV files).
c.onNotification('initialized', () => {
  if (!watches) return;
  c.request('client/registerCapability', { registrations: [{ id: 'watch', method: 'workspace/didChangeWatchedFiles', registerOptions: {
    watchers: [{ globPattern: '**/*.journey' }, { globPattern: { baseUri: 'file:///w', pattern: 'data/*.csv' }, kind: 3 }],
  } }] }).then(() => c.notify('window/logMessage', { type: 4, message: 'file watchers registered' }));
});
// The files changed on the disk come back as a diagnostic on the map, one line per change.
c.onNotification('workspace/didChangeWatchedFiles', (p) => {
  c.notify('textDocument/publishDiagnostics', { uri: URI, diagnostics: [{
    range: R(0, 0, 0, 1), severity: 3, message: p.changes.map((f) => `${f.type} ${f.uri}`).join('\n'),
  }] });
});
c.onNotification('textDocument/didOpen', (p) => {
  texts.set(p.textDocument.uri, p.textDocument.text);
  c.notify('textDocument/publishDiagnostics', { uri: p.textDocument.uri, diagnostics: [{
    range: R(1, 10, 1, 13), severity: 1, code: 'E0012', source: 'journeyc', message: "unknown persona 'mya'",
    relatedInformation: [{ location: { uri: p.textDocument.uri, range: R(0, 8, 0, 12) }, message: 'maya is declared here' }],
    data: { fix: 'maya' },
  }, { range: R(0, 0, 0, 7), severity: 2, code: 'W0003', message: 'unused', tags: [1] }] });
});
c.onNotification('textDocument/didChange', (p) => {
  let text = texts.get(p.textDocument.uri);
  for (const change of p.contentChanges) {
    text = change.range
      ? text.slice(0, offset(text, change.range.start)) + change.text + text.slice(offset(text, change.range.end))
      : change.text;
  }
  texts.set(p.textDocument.uri, text);
});
c.onRequest('textDocument/completion', (p) => ({ isIncomplete: false, items: [
  { label: 'emotion', kind: 14, detail: 'how a persona feels', insertText: 'emotion ${1:maya} ${2:0}', insertTextFormat: 2 },
  { label: 'maya', kind: 6, documentation: { kind: 'markdown', value: '**Maya**' }, textEdit: { range: R(p.position.line, 10, p.position.line, 13), newText: 'maya' } },
] }));
c.onRequest('textDocument/hover', (p) => ({ contents: { kind: 'markdown', value: texts.get(p.textDocument.uri) }, range: R(0, 0, 0, 1) }));
c.onRequest('textDocument/definition', () => [{ uri: URI, range: R(0, 8, 0, 12) }]);
c.onRequest('textDocument/references', (p) => (p.position.line === 9
  ? new Promise(() => {}) // answered only by cancellation
  : [{ uri: URI, range: R(0, 8, 0, 12) }, { uri: URI, range: R(1, 10, 1, 13) }]));
c.onNotification('$/cancelRequest', () => {});
c.onRequest('textDocument/prepareRename', () => ({ range: R(0, 8, 0, 12), placeholder: 'maya' }));
c.onRequest('textDocument/rename', (p) => ({ changes: { [URI]: [
  { range: R(0, 8, 0, 12), newText: p.newName }, { range: R(1, 10, 1, 13), newText: p.newName }] } }));
c.onRequest('textDocument/documentSymbol', () => [{ name: 'buy', kind: 2, range: R(2, 0, 3, 20), selectionRange: R(2, 6, 2, 9),
  children: [{ name: 'pay', kind: 12, range: R(3, 2, 3, 20), selectionRange: R(3, 13, 3, 16) }] }]);
c.onRequest('workspace/symbol', (p) => [{ name: p.query, kind: 5, location: { uri: URI, range: R(0, 8, 0, 12) } }]);
c.onRequest('textDocument/formatting', (p) => [{ range: R(0, 0, 0, 0), newText: ' '.repeat(p.options.tabSize) }]);
c.onRequest('textDocument/rangeFormatting', (p) => [{ range: p.range, newText: '' }]);
c.onRequest('textDocument/codeAction', (p) => p.context.diagnostics.filter((d) => d.data).map((d) => ({
  title: `Change to '${d.data.fix}'`, kind: 'quickfix', diagnostics: [d], isPreferred: true,
  edit: { documentChanges: [{ textDocument: { uri: URI, version: 1 }, edits: [{ range: d.range, newText: d.data.fix }] }] },
})));
c.onRequest('textDocument/semanticTokens/full', () => ({ data: [0, 0, 7, 0, 0, 0, 8, 4, 1, 1] }));
c.onRequest('textDocument/foldingRange', () => [{ startLine: 2, endLine: 3 }]);
c.onRequest('textDocument/documentLink', () => [{ range: R(0, 0, 0, 3), target: 'file:///w/personas.journey', tooltip: 'open' }]);
c.onRequest('shutdown', () => null);
c.onNotification('exit', () => process.exit(0));
