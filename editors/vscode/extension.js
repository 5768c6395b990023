// The Journey extension: starts `journeyc lsp` (the language server, over stdio) for .journey
// files and connects VS Code's features to it. No npm dependencies: jsonrpc.js speaks the
// protocol and this file converts between LSP 3.17 and the `vscode` API, one feature at a time,
// registering only what the server says it provides. Positions are UTF-16, as both sides count.
'use strict';

const vscode = require('vscode');
const childProcess = require('child_process');
const fs = require('fs');
const { Connection, ErrorCodes } = require('./jsonrpc');

const SELECTOR = [{ language: 'journey', scheme: 'file' }, { language: 'journey', scheme: 'untitled' }];
const MAX_RESTARTS = 4;
/** LSP's FileChangeType. */
const FileChangeType = { Created: 1, Changed: 2, Deleted: 3 };
/** Watched files' events within this long go to the server in one notification. */
const FILE_EVENT_BATCH_MS = 50;

let output;
let diagnostics;
let session;
let restarts = [];

// ---------- conversions: LSP → vscode ----------

const toPosition = (p) => new vscode.Position(p.line, p.character);
const toRange = (r) => new vscode.Range(toPosition(r.start), toPosition(r.end));
const toUri = (uri) => vscode.Uri.parse(uri);
const toLocation = (l) => l.targetUri
  ? new vscode.Location(toUri(l.targetUri), toRange(l.targetSelectionRange || l.targetRange))
  : new vscode.Location(toUri(l.uri), toRange(l.range));

function toMarkdown(contents) {
  if (contents === null || contents === undefined) return [];
  if (Array.isArray(contents)) return contents.flatMap(toMarkdown);
  if (typeof contents === 'string') return [new vscode.MarkdownString(contents)];
  if (contents.kind === 'markdown') return [new vscode.MarkdownString(contents.value)];
  if (contents.kind === 'plaintext') return [new vscode.MarkdownString().appendText(contents.value)];
  // A MarkedString with a language.
  return [new vscode.MarkdownString().appendCodeblock(contents.value, contents.language)];
}

const toTextEdit = (e) => vscode.TextEdit.replace(toRange(e.range), e.newText);

function toWorkspaceEdit(edit) {
  const result = new vscode.WorkspaceEdit();
  if (!edit) return result;
  if (edit.documentChanges) {
    for (const change of edit.documentChanges) {
      if (change.kind === 'create') result.createFile(toUri(change.uri), change.options);
      else if (change.kind === 'rename') result.renameFile(toUri(change.oldUri), toUri(change.newUri), change.options);
      else if (change.kind === 'delete') result.deleteFile(toUri(change.uri), change.options);
      else for (const e of change.edits) result.replace(toUri(change.textDocument.uri), toRange(e.range), e.newText);
    }
  } else if (edit.changes) {
    for (const uri of Object.keys(edit.changes)) {
      for (const e of edit.changes[uri]) result.replace(toUri(uri), toRange(e.range), e.newText);
    }
  }
  return result;
}

const SEVERITY = [undefined, vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Warning,
  vscode.DiagnosticSeverity.Information, vscode.DiagnosticSeverity.Hint];

function toDiagnostic(d) {
  const result = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITY[d.severity || 1]);
  if (d.code !== undefined) {
    result.code = d.codeDescription ? { value: d.code, target: toUri(d.codeDescription.href) } : d.code;
  }
  result.source = d.source;
  if (d.tags) {
    result.tags = d.tags.map((t) => (t === 1 ? vscode.DiagnosticTag.Unnecessary : vscode.DiagnosticTag.Deprecated));
  }
  if (d.relatedInformation) {
    result.relatedInformation = d.relatedInformation.map((r) =>
      new vscode.DiagnosticRelatedInformation(toLocation(r.location), r.message));
  }
  result.lsp = d; // what the server sent, for code actions (its `data` travels back)
  return result;
}

function toCompletionItem(item) {
  const result = new vscode.CompletionItem(item.label, item.kind ? item.kind - 1 : undefined);
  result.detail = item.detail;
  if (item.documentation) result.documentation = toMarkdown(item.documentation)[0];
  result.sortText = item.sortText;
  result.filterText = item.filterText;
  result.preselect = item.preselect;
  const text = item.textEdit ? item.textEdit.newText : item.insertText;
  if (text !== undefined) {
    result.insertText = item.insertTextFormat === 2 ? new vscode.SnippetString(text) : text;
  }
  if (item.textEdit) {
    result.range = item.textEdit.range
      ? toRange(item.textEdit.range)
      : { inserting: toRange(item.textEdit.insert), replacing: toRange(item.textEdit.replace) };
  }
  if (item.additionalTextEdits) result.additionalTextEdits = item.additionalTextEdits.map(toTextEdit);
  if (item.command) result.command = toCommand(item.command);
  return result;
}

function toDocumentSymbol(s) {
  const result = new vscode.DocumentSymbol(s.name, s.detail || '', s.kind - 1, toRange(s.range), toRange(s.selectionRange));
  result.children = (s.children || []).map(toDocumentSymbol);
  return result;
}

const toSymbolInformation = (s) => new vscode.SymbolInformation(s.name, s.kind - 1, s.containerName || '',
  s.location.range ? toLocation(s.location) : new vscode.Location(toUri(s.location.uri), new vscode.Position(0, 0)));

// A server command runs through journey.executeServerCommand (workspace/executeCommand).
const toCommand = (c) => ({ title: c.title, command: 'journey.executeServerCommand', arguments: [c.command, c.arguments] });

function toCodeAction(a) {
  if (typeof a.command === 'string') {
    const action = new vscode.CodeAction(a.title);
    action.command = toCommand(a);
    return action;
  }
  const action = new vscode.CodeAction(a.title, a.kind ? vscode.CodeActionKind.Empty.append(a.kind) : undefined);
  if (a.edit) action.edit = toWorkspaceEdit(a.edit);
  if (a.command) action.command = toCommand(a.command);
  if (a.diagnostics) action.diagnostics = a.diagnostics.map(toDiagnostic);
  action.isPreferred = a.isPreferred;
  return action;
}

const FOLDING_KIND = { comment: vscode.FoldingRangeKind.Comment, imports: vscode.FoldingRangeKind.Imports,
  region: vscode.FoldingRangeKind.Region };

// ---------- conversions: vscode → LSP ----------

const fromPosition = (p) => ({ line: p.line, character: p.character });
const fromRange = (r) => ({ start: fromPosition(r.start), end: fromPosition(r.end) });
const documentId = (document) => ({ uri: document.uri.toString() });
const at = (document, position) => ({ textDocument: documentId(document), position: fromPosition(position) });

function fromDiagnostic(d) {
  if (d.lsp) return d.lsp;
  const code = d.code && typeof d.code === 'object' ? d.code.value : d.code;
  return { range: fromRange(d.range), message: d.message, severity: d.severity + 1, code, source: d.source };
}

// ---------- the server ----------

function configuration() {
  const config = vscode.workspace.getConfiguration('journey');
  return {
    path: config.get('server.path') || 'journeyc',
    args: config.get('server.args') || ['lsp'],
    trace: config.get('trace.server') || 'off',
  };
}

function trace(level) {
  if (level === 'off') return (direction, message) => { if (direction === 'error') output.appendLine(`[error] ${message}`); };
  return (direction, message) => {
    if (direction === 'error') { output.appendLine(`[error] ${message}`); return; }
    const what = message.method || `response ${message.id}`;
    output.appendLine(`[${direction}] ${what}${level === 'verbose' ? ` ${JSON.stringify(message.params || message.result || message.error || null)}` : ''}`);
  };
}

/** One running server: its process, connection and the providers registered for it. */
class Session {
  constructor() {
    this.disposables = [];
    this.stopping = false;
    this.registrations = new Map(); // registration id → its file watchers
    this.fileChanges = [];
    const { path, args, trace: level } = configuration();
    // The server runs in the first workspace folder when it is one on this disk.
    const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
    const cwd = folder && folder.uri.scheme === 'file' && fs.existsSync(folder.uri.fsPath) ? folder.uri.fsPath : undefined;
    output.appendLine(`starting ${path} ${args.join(' ')}${cwd ? ` in ${cwd}` : ''}`);
    this.process = childProcess.spawn(path, args, { cwd, stdio: 'pipe' });
    this.process.on('error', (e) => {
      const hint = e.code === 'ENOENT' ? ` (set "journey.server.path" to the journeyc executable)` : '';
      vscode.window.showErrorMessage(`Journey: cannot start ${path}: ${e.message}${hint}`);
      output.appendLine(`cannot start ${path}: ${e.message}`);
      this.stopping = true;
      this.connection.close(`cannot start ${path}`); // 'exit' may never come: fail what waits
    });
    this.process.stderr.on('data', (chunk) => output.append(chunk.toString('utf8')));
    this.process.stdin.on('error', (e) => output.appendLine(`writing to the server: ${e.message}`));
    this.connection = new Connection(this.process.stdout, this.process.stdin, trace(level));
    this.process.on('exit', (code, signal) => this.exited(code, signal));
    this.handleServerMessages();
    this.ready = this.initialize();
    this.ready.catch((e) => output.appendLine(`initialize failed: ${e.message}`));
  }

  handleServerMessages() {
    const c = this.connection;
    c.onNotification('textDocument/publishDiagnostics', (p) =>
      diagnostics.set(toUri(p.uri), p.diagnostics.map(toDiagnostic)));
    c.onNotification('window/logMessage', (p) => output.appendLine(p.message));
    c.onNotification('$/logTrace', (p) => output.appendLine(p.message));
    c.onNotification('window/showMessage', (p) => show(p.type, p.message));
    c.onRequest('window/showMessageRequest', async (p) => {
      const titles = (p.actions || []).map((a) => a.title);
      const chosen = await show(p.type, p.message, titles);
      return chosen ? { title: chosen } : null;
    });
    c.onRequest('workspace/applyEdit', async (p) => ({ applied: await vscode.workspace.applyEdit(toWorkspaceEdit(p.edit)) }));
    c.onRequest('workspace/configuration', (p) => p.items.map(() => null));
    c.onRequest('workspace/workspaceFolders', () => folders());
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('client/registerCapability', (p) => { for (const r of p.registrations || []) this.register(r); return null; });
    c.onRequest('client/unregisterCapability', (p) => {
      for (const r of p.unregisterations || p.unregistrations || []) this.unregister(r.id);
      return null;
    });
    c.onRequest('workspace/semanticTokens/refresh', () => null);
  }

  async initialize() {
    const result = await this.connection.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'vscode-journey', version: vscode.version },
      rootUri: folders() ? folders()[0].uri : null,
      workspaceFolders: folders(),
      capabilities: CLIENT_CAPABILITIES,
    });
    this.connection.notify('initialized', {});
    this.capabilities = result.capabilities || {};
    this.registerDocumentSync();
    this.registerProviders();
    return this.capabilities;
  }

  /** A request once the server is initialized; null when cancelled or the document changed. */
  async request(method, params, token) {
    await this.ready;
    try {
      return await this.connection.request(method, params, token);
    } catch (e) {
      if (e.code === ErrorCodes.RequestCancelled || e.code === ErrorCodes.ContentModified) return null;
      if (token && token.isCancellationRequested) return null;
      throw e;
    }
  }

  registerDocumentSync() {
    const sync = this.capabilities.textDocumentSync;
    const change = typeof sync === 'number' ? sync : (sync && sync.change) || 0;
    const wantsSave = typeof sync === 'object' && sync && sync.save;
    const isJourney = (d) => d.languageId === 'journey';
    const open = (d) => isJourney(d) && this.connection.notify('textDocument/didOpen', {
      textDocument: { uri: d.uri.toString(), languageId: 'journey', version: d.version, text: d.getText() },
    });
    vscode.workspace.textDocuments.forEach(open);
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument(open),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (!isJourney(d)) return;
        this.connection.notify('textDocument/didClose', { textDocument: documentId(d) });
        diagnostics.delete(d.uri);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!isJourney(e.document) || e.contentChanges.length === 0 || change === 0) return;
        const contentChanges = change === 2
          ? e.contentChanges.map((c) => ({ range: fromRange(c.range), rangeLength: c.rangeLength, text: c.text }))
          : [{ text: e.document.getText() }];
        this.connection.notify('textDocument/didChange', {
          textDocument: { uri: e.document.uri.toString(), version: e.document.version }, contentChanges,
        });
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (!isJourney(d) || !wantsSave) return;
        const text = typeof wantsSave === 'object' && wantsSave.includeText ? d.getText() : undefined;
        this.connection.notify('textDocument/didSave', { textDocument: documentId(d), text });
      }),
    );
  }

  registerProviders() {
    const caps = this.capabilities;
    const l = vscode.languages;
    const add = (d) => this.disposables.push(d);
    const req = (method, params, token) => this.request(method, params, token);

    if (caps.completionProvider) {
      add(l.registerCompletionItemProvider(SELECTOR, {
        provideCompletionItems: async (document, position, token, context) => {
          const result = await req('textDocument/completion', {
            ...at(document, position),
            context: { triggerKind: context.triggerKind + 1, triggerCharacter: context.triggerCharacter },
          }, token);
          if (!result) return null;
          const items = Array.isArray(result) ? result : result.items;
          return new vscode.CompletionList(items.map(toCompletionItem), !Array.isArray(result) && result.isIncomplete);
        },
      }, ...(caps.completionProvider.triggerCharacters || [])));
    }
    if (caps.hoverProvider) {
      add(l.registerHoverProvider(SELECTOR, {
        provideHover: async (document, position, token) => {
          const h = await req('textDocument/hover', at(document, position), token);
          return h ? new vscode.Hover(toMarkdown(h.contents), h.range ? toRange(h.range) : undefined) : null;
        },
      }));
    }
    if (caps.definitionProvider) {
      add(l.registerDefinitionProvider(SELECTOR, {
        provideDefinition: async (document, position, token) => {
          const r = await req('textDocument/definition', at(document, position), token);
          if (!r) return null;
          return Array.isArray(r) ? r.map(toLocation) : toLocation(r);
        },
      }));
    }
    if (caps.declarationProvider) {
      add(l.registerDeclarationProvider(SELECTOR, {
        provideDeclaration: async (document, position, token) => {
          const r = await req('textDocument/declaration', at(document, position), token);
          if (!r) return null;
          return Array.isArray(r) ? r.map(toLocation) : toLocation(r);
        },
      }));
    }
    if (caps.referencesProvider) {
      add(l.registerReferenceProvider(SELECTOR, {
        provideReferences: async (document, position, context, token) => {
          const r = await req('textDocument/references',
            { ...at(document, position), context: { includeDeclaration: context.includeDeclaration } }, token);
          return r ? r.map(toLocation) : null;
        },
      }));
    }
    if (caps.renameProvider) {
      const prepare = typeof caps.renameProvider === 'object' && caps.renameProvider.prepareProvider;
      add(l.registerRenameProvider(SELECTOR, {
        provideRenameEdits: async (document, position, newName, token) =>
          toWorkspaceEdit(await req('textDocument/rename', { ...at(document, position), newName }, token)),
        prepareRename: prepare ? async (document, position, token) => {
          const r = await req('textDocument/prepareRename', at(document, position), token);
          if (!r) throw new Error('This cannot be renamed.');
          if (r.defaultBehavior) return document.getWordRangeAtPosition(position);
          return r.range ? { range: toRange(r.range), placeholder: r.placeholder } : toRange(r);
        } : undefined,
      }));
    }
    if (caps.documentSymbolProvider) {
      add(l.registerDocumentSymbolProvider(SELECTOR, {
        provideDocumentSymbols: async (document, token) => {
          const r = await req('textDocument/documentSymbol', { textDocument: documentId(document) }, token);
          if (!r) return null;
          return r.map((s) => (s.selectionRange ? toDocumentSymbol(s) : toSymbolInformation(s)));
        },
      }, { label: 'Journey' }));
    }
    if (caps.workspaceSymbolProvider) {
      add(l.registerWorkspaceSymbolProvider({
        provideWorkspaceSymbols: async (query, token) => {
          const r = await req('workspace/symbol', { query }, token);
          return r ? r.map(toSymbolInformation) : null;
        },
      }));
    }
    const formatting = (options) => ({ tabSize: options.tabSize, insertSpaces: options.insertSpaces });
    if (caps.documentFormattingProvider) {
      add(l.registerDocumentFormattingEditProvider(SELECTOR, {
        provideDocumentFormattingEdits: async (document, options, token) => {
          const r = await req('textDocument/formatting', { textDocument: documentId(document), options: formatting(options) }, token);
          return r ? r.map(toTextEdit) : null;
        },
      }));
    }
    if (caps.documentRangeFormattingProvider) {
      add(l.registerDocumentRangeFormattingEditProvider(SELECTOR, {
        provideDocumentRangeFormattingEdits: async (document, range, options, token) => {
          const r = await req('textDocument/rangeFormatting',
            { textDocument: documentId(document), range: fromRange(range), options: formatting(options) }, token);
          return r ? r.map(toTextEdit) : null;
        },
      }));
    }
    if (caps.codeActionProvider) {
      const kinds = typeof caps.codeActionProvider === 'object' && caps.codeActionProvider.codeActionKinds;
      add(l.registerCodeActionsProvider(SELECTOR, {
        provideCodeActions: async (document, range, context, token) => {
          const r = await req('textDocument/codeAction', {
            textDocument: documentId(document), range: fromRange(range),
            context: { diagnostics: context.diagnostics.map(fromDiagnostic),
              only: context.only ? [context.only.value] : undefined, triggerKind: context.triggerKind },
          }, token);
          return r ? r.map(toCodeAction) : null;
        },
      }, kinds ? { providedCodeActionKinds: kinds.map((k) => vscode.CodeActionKind.Empty.append(k)) } : undefined));
    }
    const semantic = caps.semanticTokensProvider;
    if (semantic && semantic.legend && semantic.full) {
      const legend = new vscode.SemanticTokensLegend(semantic.legend.tokenTypes, semantic.legend.tokenModifiers || []);
      add(l.registerDocumentSemanticTokensProvider(SELECTOR, {
        provideDocumentSemanticTokens: async (document, token) => {
          const r = await req('textDocument/semanticTokens/full', { textDocument: documentId(document) }, token);
          return r ? new vscode.SemanticTokens(new Uint32Array(r.data), r.resultId) : null;
        },
      }, legend));
    }
    if (caps.foldingRangeProvider) {
      add(l.registerFoldingRangeProvider(SELECTOR, {
        provideFoldingRanges: async (document, context, token) => {
          const r = await req('textDocument/foldingRange', { textDocument: documentId(document) }, token);
          return r ? r.map((f) => new vscode.FoldingRange(f.startLine, f.endLine, FOLDING_KIND[f.kind])) : null;
        },
      }));
    }
    if (caps.documentLinkProvider) {
      add(l.registerDocumentLinkProvider(SELECTOR, {
        provideDocumentLinks: async (document, token) => {
          const r = await req('textDocument/documentLink', { textDocument: documentId(document) }, token);
          return r ? r.filter((k) => k.target).map((k) => {
            const link = new vscode.DocumentLink(toRange(k.range), toUri(k.target));
            link.tooltip = k.tooltip;
            return link;
          }) : null;
        },
      }));
    }
  }

  /** A capability the server registers after `initialized`; only file watching is one. */
  register(registration) {
    if (registration.method !== 'workspace/didChangeWatchedFiles' || this.stopping) return;
    const watchers = ((registration.registerOptions || {}).watchers || []).map((w) => this.watch(w));
    this.registrations.set(registration.id, watchers);
    this.disposables.push(...watchers);
  }

  unregister(id) {
    for (const w of this.registrations.get(id) || []) w.dispose();
    this.registrations.delete(id);
  }

  /**
   * A file system watcher for one of the server's FileSystemWatchers (a glob, in every workspace
   * folder, or relative to a base URI). Its events go to the server in batches: a `git checkout`
   * or a new export touches many files at once, and each notification checks the open maps again.
   */
  watch(watcher) {
    const glob = watcher.globPattern;
    const pattern = typeof glob === 'string' ? glob
      : new vscode.RelativePattern(toUri(typeof glob.baseUri === 'string' ? glob.baseUri : glob.baseUri.uri), glob.pattern);
    const kind = watcher.kind === undefined ? 7 : watcher.kind; // WatchKind: Create 1 | Change 2 | Delete 4
    const fsWatcher = vscode.workspace.createFileSystemWatcher(pattern, !(kind & 1), !(kind & 2), !(kind & 4));
    const events = [
      fsWatcher.onDidCreate((uri) => this.fileChanged(uri, FileChangeType.Created)),
      fsWatcher.onDidChange((uri) => this.fileChanged(uri, FileChangeType.Changed)),
      fsWatcher.onDidDelete((uri) => this.fileChanged(uri, FileChangeType.Deleted)),
    ];
    return { dispose() { events.forEach((e) => e.dispose()); fsWatcher.dispose(); } };
  }

  fileChanged(uri, type) {
    const change = { uri: uri.toString(), type };
    if (!this.fileChanges.some((c) => c.uri === change.uri && c.type === type)) this.fileChanges.push(change);
    if (this.fileChangeTimer) return;
    this.fileChangeTimer = setTimeout(() => {
      const changes = this.fileChanges;
      this.fileChanges = [];
      this.fileChangeTimer = undefined;
      if (!this.stopping) this.connection.notify('workspace/didChangeWatchedFiles', { changes });
    }, FILE_EVENT_BATCH_MS);
  }

  executeCommand(command, args) {
    return this.request('workspace/executeCommand', { command, arguments: args });
  }

  exited(code, signal) {
    this.connection.close(`the server exited (${signal || code})`);
    this.dispose();
    if (this.stopping) return;
    output.appendLine(`journeyc lsp exited unexpectedly (${signal || `status ${code}`})`);
    const now = Date.now();
    restarts = restarts.filter((t) => now - t < 180000);
    if (restarts.length >= MAX_RESTARTS) {
      vscode.window.showErrorMessage('Journey: the language server stopped 5 times in 3 minutes; it will not be restarted. See the "Journey Language Server" output.');
      return;
    }
    restarts.push(now);
    session = new Session();
  }

  async stop() {
    this.stopping = true;
    try {
      await Promise.race([this.connection.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.connection.notify('exit', null);
    } catch (e) {
      // already gone
    }
    setTimeout(() => { if (this.process.exitCode === null) this.process.kill(); }, 1000);
    this.dispose();
  }

  dispose() {
    for (const d of this.disposables) d.dispose();
    this.disposables = [];
    this.registrations.clear();
    clearTimeout(this.fileChangeTimer);
    this.fileChangeTimer = undefined;
    this.fileChanges = [];
    diagnostics.clear();
  }
}

function folders() {
  const f = vscode.workspace.workspaceFolders;
  return f ? f.map((w) => ({ uri: w.uri.toString(), name: w.name })) : null;
}

function show(type, message, actions = []) {
  const w = vscode.window;
  if (type === 1) return w.showErrorMessage(message, ...actions);
  if (type === 2) return w.showWarningMessage(message, ...actions);
  return w.showInformationMessage(message, ...actions);
}

const CLIENT_CAPABILITIES = {
  general: { positionEncodings: ['utf-16'] },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    completion: {
      completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], insertReplaceSupport: true },
      contextSupport: true,
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    definition: { linkSupport: true },
    declaration: { linkSupport: true },
    references: {},
    rename: { prepareSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    formatting: {},
    rangeFormatting: {},
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.rewrite', 'source', 'source.fixAll'] } },
      isPreferredSupport: true, dataSupport: true,
    },
    semanticTokens: {
      requests: { full: true }, formats: ['relative'],
      tokenTypes: ['namespace', 'type', 'class', 'enum', 'interface', 'struct', 'typeParameter', 'parameter', 'variable',
        'property', 'enumMember', 'event', 'function', 'method', 'macro', 'keyword', 'modifier', 'comment', 'string',
        'number', 'regexp', 'operator', 'decorator'],
      tokenModifiers: ['declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async',
        'modification', 'documentation', 'defaultLibrary'],
    },
    foldingRange: { lineFoldingOnly: true },
    documentLink: { tooltipSupport: true },
  },
  workspace: {
    workspaceFolders: true, applyEdit: true, symbol: {},
    // The server asks (client/registerCapability) to hear of .journey and .csv files changed on
    // the disk: libraries and data files that are not open.
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
  },
  window: { showMessage: {} },
};

// ---------- the extension ----------

function activate(context) {
  output = vscode.window.createOutputChannel('Journey Language Server');
  diagnostics = vscode.languages.createDiagnosticCollection('journey');
  context.subscriptions.push(output, diagnostics,
    vscode.commands.registerCommand('journey.restartServer', async () => {
      if (session) await session.stop();
      restarts = [];
      session = new Session();
    }),
    vscode.commands.registerCommand('journey.showOutput', () => output.show()),
    vscode.commands.registerCommand('journey.executeServerCommand', (command, args) =>
      session && session.executeCommand(command, args)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('journey.server') || e.affectsConfiguration('journey.trace')) {
        if (session) await session.stop();
        session = new Session();
      }
    }),
  );
  session = new Session();
}

async function deactivate() {
  if (session) await session.stop();
}

module.exports = { activate, deactivate };
