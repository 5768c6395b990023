// editors/vscode/extension.js in a fake VS Code (the `vscode` module, mocked with the few classes
// the extension uses) against fake_lsp_server.js: the server starts from journey.server.path,
// diagnostics arrive, and every provider turns the server's answers into vscode objects;
// an incremental edit reaches the server, cancellation gives null, files changed on the disk
// reach it through the watchers it asked for, deactivate stops the server and the watchers.
'use strict';
const assert = require('assert');

const { vscode, registered, listeners, collections, shown, watchers, settings, output, until, Position, Range, Uri } = require('./fake_vscode.js');

const text = 'persona maya "Maya"\n  emotion mya 1\nstage buy "Buy"\n  touchpoint pay "Pays" via web';
const document = { uri: Uri.parse('file:///w/map.journey'), languageId: 'journey', version: 1, getText: () => text,
  getWordRangeAtPosition: () => new Range(0, 8, 0, 12) };
vscode.workspace.textDocuments.push(document);
const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };

async function main() {
  const extension = require('../../editors/vscode/extension.js');
  extension.activate({ subscriptions: [] });
  const diagnostics = collections[0];
  await until('diagnostics', () => diagnostics.map.size === 1);
  const [error, warning] = diagnostics.map.get('file:///w/map.journey');
  assert.strictEqual(error.severity, vscode.DiagnosticSeverity.Error);
  assert.strictEqual(error.code, 'E0012');
  assert.strictEqual(error.relatedInformation[0].message, 'maya is declared here');
  assert.deepStrictEqual([error.range.start.line, error.range.start.character], [1, 10]);
  assert.strictEqual(warning.severity, vscode.DiagnosticSeverity.Warning);
  assert.deepStrictEqual(warning.tags, [vscode.DiagnosticTag.Unnecessary]);

  const [, completion, ...triggers] = registered.CompletionItemProvider;
  assert.deepStrictEqual(triggers, [' ']);
  const list = await completion.provideCompletionItems(document, new Position(1, 12), token, { triggerKind: 0 });
  assert.deepStrictEqual(list.items.map((i) => i.label), ['emotion', 'maya']);
  assert.strictEqual(list.items[0].kind, 13, 'LSP kinds are one above vscode kinds');
  assert.ok(list.items[0].insertText instanceof vscode.SnippetString);
  assert.strictEqual(list.items[1].documentation.value, '**Maya**');
  assert.deepStrictEqual([list.items[1].range.start.character, list.items[1].range.end.character], [10, 13]);

  const hover = await registered.HoverProvider[1].provideHover(document, new Position(0, 9), token);
  assert.strictEqual(hover.contents[0].value, text);

  const definition = await registered.DefinitionProvider[1].provideDefinition(document, new Position(1, 11), token);
  assert.strictEqual(definition[0].uri.toString(), 'file:///w/map.journey');
  const references = await registered.ReferenceProvider[1].provideReferences(document, new Position(0, 9), { includeDeclaration: true }, token);
  assert.strictEqual(references.length, 2);

  const rename = registered.RenameProvider[1];
  const prepared = await rename.prepareRename(document, new Position(0, 9), token);
  assert.strictEqual(prepared.placeholder, 'maya');
  const edit = await rename.provideRenameEdits(document, new Position(0, 9), 'maia', token);
  assert.deepStrictEqual(edit.edits.map((e) => e.newText), ['maia', 'maia']);

  const symbols = await registered.DocumentSymbolProvider[1].provideDocumentSymbols(document, token);
  assert.strictEqual(symbols[0].name, 'buy');
  assert.strictEqual(symbols[0].kind, 1);
  assert.strictEqual(symbols[0].children[0].name, 'pay');
  const found = await registered.WorkspaceSymbolProvider[0].provideWorkspaceSymbols('maya', token);
  assert.strictEqual(found[0].name, 'maya');

  const formatted = await registered.DocumentFormattingEditProvider[1].provideDocumentFormattingEdits(document, { tabSize: 2, insertSpaces: true }, token);
  assert.strictEqual(formatted[0].newText, '  ');
  const ranged = await registered.DocumentRangeFormattingEditProvider[1].provideDocumentRangeFormattingEdits(document, new Range(1, 0, 1, 5), { tabSize: 2, insertSpaces: true }, token);
  assert.strictEqual(ranged.length, 1);

  // The diagnostic's `data` goes back to the server with the code action request.
  const actions = await registered.CodeActionsProvider[1].provideCodeActions(document, error.range, { diagnostics: [error, warning], triggerKind: 1 }, token);
  assert.strictEqual(actions.length, 1);
  assert.strictEqual(actions[0].title, "Change to 'maya'");
  assert.strictEqual(actions[0].kind.value, 'quickfix');
  assert.strictEqual(actions[0].isPreferred, true);
  assert.deepStrictEqual(actions[0].edit.edits.map((e) => e.newText), ['maya']);
  assert.deepStrictEqual(registered.CodeActionsProvider[2].providedCodeActionKinds.map((k) => k.value), ['quickfix']);

  const [, semantic, legend] = registered.DocumentSemanticTokensProvider;
  assert.deepStrictEqual(legend.tokenTypes, ['keyword', 'variable']);
  const tokens = await semantic.provideDocumentSemanticTokens(document, token);
  assert.ok(tokens.data instanceof Uint32Array);
  assert.strictEqual(tokens.data.length, 10);

  const folds = await registered.FoldingRangeProvider[1].provideFoldingRanges(document, {}, token);
  assert.deepStrictEqual([folds[0].start, folds[0].end], [2, 3]);
  const links = await registered.DocumentLinkProvider[1].provideDocumentLinks(document, token);
  assert.strictEqual(links[0].target.toString(), 'file:///w/personas.journey');

  // An incremental edit with a character outside the BMP: the server applies it in UTF-16 units.
  document.version = 2;
  for (const f of listeners.change) {
    f({ document, contentChanges: [
      { range: new Range(1, 10, 1, 13), rangeLength: 3, text: 'maya 👟' },
    ] });
  }
  const after = await registered.HoverProvider[1].provideHover(document, new Position(0, 0), token);
  assert.strictEqual(after.contents[0].value, 'persona maya "Maya"\n  emotion maya 👟 1\nstage buy "Buy"\n  touchpoint pay "Pays" via web');

  // A cancelled request resolves to null once the server answers RequestCancelled; here the
  // server never answers, so the test only checks that $/cancelRequest is sent without error.
  let cancel;
  const cancellable = { isCancellationRequested: false, onCancellationRequested: (f) => { cancel = f; return { dispose() {} }; } };
  registered.ReferenceProvider[1].provideReferences(document, new Position(9, 0), { includeDeclaration: true }, cancellable);
  await until('the request to start', () => cancel);
  cancellable.isCancellationRequested = true;
  cancel();

  // Files changed on the disk (a library, a new export): the server asked for watchers after
  // `initialized`; their events reach it as one didChangeWatchedFiles with LSP's FileChangeType
  // (created 1, changed 2, deleted 3), each change once.
  await until('the file watchers', () => watchers.length === 2);
  const [maps, csvs] = watchers;
  assert.strictEqual(maps.glob, '**/*.journey');
  assert.deepStrictEqual(maps.ignored, { create: false, change: false, delete: false });
  assert.ok(csvs.glob instanceof vscode.RelativePattern);
  assert.deepStrictEqual([csvs.glob.baseUri.toString(), csvs.glob.pattern], ['file:///w', 'data/*.csv']);
  assert.deepStrictEqual(csvs.ignored, { create: false, change: false, delete: true }, 'kind 3: created and changed');
  maps.fire('change', Uri.parse('file:///w/personas.journey'));
  maps.fire('create', Uri.parse('file:///w/new.journey'));
  maps.fire('delete', Uri.parse('file:///w/old.journey'));
  csvs.fire('change', Uri.parse('file:///w/data/kpis.csv'));
  csvs.fire('change', Uri.parse('file:///w/data/kpis.csv'));
  const watched = () => (diagnostics.map.get('file:///w/map.journey') || []).find((d) => d.severity === vscode.DiagnosticSeverity.Information);
  await until('the changes at the server', watched);
  assert.strictEqual(watched().message, ['2 file:///w/personas.journey', '1 file:///w/new.journey', '3 file:///w/old.journey',
    '2 file:///w/data/kpis.csv'].join('\n'));

  await extension.deactivate();
  assert.ok(watchers.every((w) => w.disposed), 'stopping disposes the file watchers');
  assert.strictEqual(diagnostics.map.size, 0, 'stopping clears the diagnostics');
  assert.deepStrictEqual(shown, [], `no error shown: ${shown}`);

  // A journeyc that is not there: one message naming the setting, no crash, nothing registered.
  settings['server.path'] = '/nonexistent/journeyc';
  for (const k of Object.keys(registered)) delete registered[k];
  extension.activate({ subscriptions: [] });
  await until('the error message', () => shown.length === 1);
  assert.match(shown[0], /journey\.server\.path/);
  await new Promise((r) => setTimeout(r, 100));
  assert.strictEqual(registered.HoverProvider, undefined);
  assert.strictEqual(watchers.length, 2, 'no server, no watchers');
  await extension.deactivate();
  console.log('extension: ok');
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  console.error(`output of the extension:\n${output()}`);
  process.exit(1);
});
