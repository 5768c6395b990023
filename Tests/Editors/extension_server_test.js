// editors/vscode/extension.js in the fake VS Code of fake_vscode.js against the real language
// server, `JOURNEYC lsp` (the path is the first argument), on samples/ecommerce-running-shoes.journey:
// the extension starts it, registers every provider it announces, and each gives an answer of the
// right shape; an edit brings a diagnostic, undoing it clears it; a library and a CSV file that
// an open map reads, changed on the disk (not in the editor), bring the map's new diagnostics
// through the file watchers the server asked for; deactivate stops the server and the watchers.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const os = require('os');
const { vscode, registered, listeners, collections, shown, watchers, settings, output, until, Position, Range, Uri } = require('./fake_vscode.js');

const root = path.resolve(__dirname, '..', '..');
const file = path.join(root, 'samples', 'ecommerce-running-shoes.journey');
settings['server.path'] = process.argv[2];
settings['server.args'] = ['lsp'];
vscode.workspace.workspaceFolders = [{ uri: Uri.parse(`file://${root}`), name: 'journeyc' }];
let text = fs.readFileSync(file, 'utf8');
const document = { uri: Uri.parse(`file://${file}`), languageId: 'journey', version: 1, getText: () => text,
  getWordRangeAtPosition: () => undefined };
vscode.workspace.textDocuments.push(document);
const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
const lines = text.split('\n');
const lineOf = (prefix) => { const i = lines.findIndex((l) => l.startsWith(prefix)); assert.ok(i >= 0, prefix); return i; };

async function main() {
  const extension = require('../../editors/vscode/extension.js');
  extension.activate({ subscriptions: [] });
  const diagnostics = collections[0];
  await until('the providers', () => registered.HoverProvider && registered.CompletionItemProvider);
  await until('the diagnostics of the sample', () => diagnostics.map.has(document.uri.toString()));
  const errors = (uri) => (diagnostics.map.get(uri) || []).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
  assert.deepStrictEqual(errors(document.uri.toString()), [], 'the sample has no errors');

  const emotion = lineOf('    emotion maya +1');
  const persona = new Position(emotion, 13); // on `maya`
  const completion = await registered.CompletionItemProvider[1].provideCompletionItems(document, new Position(emotion, 4), token, { triggerKind: 0 });
  const labels = completion.items.map((i) => i.label);
  assert.ok(labels.includes('emotion') && labels.includes('pain'), `keywords in a touchpoint: ${labels}`);

  const hover = await registered.HoverProvider[1].provideHover(document, persona, token);
  assert.ok(hover && hover.contents.length > 0 && /Maya/.test(hover.contents.map((c) => c.value).join('')), 'hover names the persona');
  const definition = await registered.DefinitionProvider[1].provideDefinition(document, persona, token);
  const target = Array.isArray(definition) ? definition[0] : definition;
  assert.strictEqual(target.range.start.line, lineOf('persona maya'), 'definition goes to the persona line');
  const references = await registered.ReferenceProvider[1].provideReferences(document, persona, { includeDeclaration: true }, token);
  assert.ok(references.length > 3, `references of maya: ${references.length}`);
  if (registered.RenameProvider[1].prepareRename) {
    const prepared = await registered.RenameProvider[1].prepareRename(document, persona, token);
    assert.ok(prepared, 'maya can be renamed');
  }
  const edit = await registered.RenameProvider[1].provideRenameEdits(document, persona, 'maia', token);
  assert.ok(edit.edits.length >= references.length - 1, `rename edits: ${edit.edits.length}`);
  assert.ok(edit.edits.every((e) => e.newText === 'maia'));

  const symbols = await registered.DocumentSymbolProvider[1].provideDocumentSymbols(document, token);
  assert.ok(symbols.some((s) => s.name.includes('discover') || s.name.includes('Discover')), `outline: ${symbols.map((s) => s.name)}`);
  const formatted = await registered.DocumentFormattingEditProvider[1].provideDocumentFormattingEdits(document, { tabSize: 2, insertSpaces: true }, token);
  assert.ok(Array.isArray(formatted));
  const tokens = await registered.DocumentSemanticTokensProvider[1].provideDocumentSemanticTokens(document, token);
  assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0, 'semantic tokens');
  const folds = await registered.FoldingRangeProvider[1].provideFoldingRanges(document, {}, token);
  assert.ok(folds.length > 0, 'folding ranges');

  // Misspell the persona in an incremental edit: an error arrives there, with a quick fix.
  const at = new Range(emotion, 12, emotion, 16);
  text = lines.map((l, i) => (i === emotion ? `${l.slice(0, 12)}mayo${l.slice(16)}` : l)).join('\n');
  document.version = 2;
  for (const f of listeners.change) f({ document, contentChanges: [{ range: at, rangeLength: 4, text: 'mayo' }] });
  await until('an error for mayo', () => errors(document.uri.toString()).length > 0);
  const [error] = errors(document.uri.toString());
  assert.strictEqual(error.range.start.line, emotion);
  const actions = await registered.CodeActionsProvider[1].provideCodeActions(document, error.range, { diagnostics: [error], triggerKind: 1 }, token);
  assert.ok(actions.some((a) => a.edit && a.edit.edits.some((e) => e.newText === 'maya')), `a quick fix to maya: ${actions.map((a) => a.title)}`);
  text = lines.join('\n');
  document.version = 3;
  for (const f of listeners.change) f({ document, contentChanges: [{ range: new Range(emotion, 12, emotion, 16), rangeLength: 4, text: 'maya' }] });
  await until('the error to go', () => errors(document.uri.toString()).length === 0);

  await changesOnTheDisk(diagnostics);

  await extension.deactivate();
  assert.ok(watchers.length > 0 && watchers.every((w) => w.disposed), 'stopping disposes the file watchers');
  assert.deepStrictEqual(shown, [], `no error shown: ${shown}`);
  console.log('extension with journeyc lsp: ok');
  process.exit(0);
}

/** A map that uses a library and reads a CSV file, in a scratch folder; both change on the disk. */
async function changesOnTheDisk(diagnostics) {
  assert.ok(watchers.some((w) => w.glob === '**/*.journey') && watchers.some((w) => w.glob === '**/*.csv'),
    `the server asked to watch maps and CSV files: ${watchers.map((w) => w.glob)}`);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'journeyc-watch-'));
  try {
    fs.mkdirSync(path.join(folder, '.git'));
    fs.mkdirSync(path.join(folder, 'data'));
    const library = path.join(folder, 'people.journey'), csv = path.join(folder, 'data', 'kpis.csv');
    fs.writeFileSync(library, 'persona tom "Tom Runner"\n  share 20%\n');
    fs.writeFileSync(csv, 'date,csat\n2026-09-01,4.1\n');
    const mapText = ['use "people.journey"', '', 'journey "Checkout"', '  scale -2..2', '', 'stage buy "Buy"',
      '  touchpoint pdp "Reads the page" via web', '    emotion tom 1',
      '    metric csat "CSAT" from "data/kpis.csv" column "csat" target >= 4.2', ''].join('\n');
    const map = { uri: Uri.parse(`file://${path.join(folder, 'map.journey')}`), languageId: 'journey', version: 1,
      getText: () => mapText, getWordRangeAtPosition: () => undefined };
    fs.writeFileSync(map.uri.fsPath, mapText);
    const uri = map.uri.toString();
    const codes = () => (diagnostics.map.get(uri) || []).filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
      .map((d) => (typeof d.code === 'object' ? d.code.value : d.code));
    for (const f of listeners.open) f(map);
    await until('the diagnostics of the map', () => diagnostics.map.has(uri));
    assert.deepStrictEqual(codes(), [], `the map checks: ${(diagnostics.map.get(uri) || []).map((d) => d.message)}`);
    // As VS Code does: the event comes from the watchers whose glob matches the file.
    const fire = (kind, file) => watchers.filter((w) => file.endsWith(w.glob.slice(w.glob.lastIndexOf('.'))))
      .forEach((w) => w.fire(kind, Uri.parse(`file://${file}`)));

    // The library loses tom on the disk: the map's emotion of tom is now unknown.
    fs.writeFileSync(library, 'persona tim "Tim Runner"\n  share 20%\n');
    fire('change', library);
    await until('an error for tom', () => codes().length > 0);
    const [unknown] = (diagnostics.map.get(uri) || []).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.strictEqual(unknown.range.start.line, 7, `the error is on the emotion of tom: ${unknown.message}`);
    fs.writeFileSync(library, 'persona tom "Tom Runner"\n  share 20%\n');
    fire('change', library);
    await until('the error to go', () => codes().length === 0);

    // The data file loses its column: the metric cannot be read.
    fs.writeFileSync(csv, 'date,nps\n2026-09-01,40\n');
    fire('change', csv);
    await until('a diagnostic for the column', () => (diagnostics.map.get(uri) || []).some((d) => /csat/.test(d.message) && d.range.start.line === 8));
    fs.unlinkSync(csv);
    fire('delete', csv);
    await until('a diagnostic for the missing file', () => (diagnostics.map.get(uri) || []).some((d) => /kpis\.csv/.test(d.message)));
    for (const f of listeners.close) f(map);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  console.error(`output of the extension:\n${output()}`);
  process.exit(1);
});
