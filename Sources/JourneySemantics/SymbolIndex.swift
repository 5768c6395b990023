// SymbolIndex: SyntaxTree(s) → every declaration of an identifier (persona, channel, stage,
// touchpoint, pain, delight, opportunity, metric, evidence — a persona's too — and the blueprint
// steps) and every reference to one (the persona of an emotion or a quote, the pain points of an
// opportunity's `addresses`, a custom channel after `via`, the steps a step `triggers` or `needs`
// and a pain's failure point `at`), each with the range of its identifier and the ElementAddress of the
// element it names. Built by the checker (Frontend.check) and returned beside the Model, and by
// the driver over a map and the files it uses (Compilation.symbols), for the tools that point
// at names: go to declaration, find references, rename, hover.
//
// What declares and what refers is written once, in the two tables below: a new kind of
// reference (a persona's evidence, a metric's data file …) is a new row. A reference names the
// address its site expects (`emotion maya` → `persona:maya`) whether or not anything declares
// it, so `declaration(of:)` is nil for an unknown name (the checker reports those); a site that
// may name several kinds (a step is frontstage, backstage, support or system) names the kind that
// declares the identifier, or its first kind when none does. Ranges are
// byte offsets in the shared range space, so one index can span several files.

import JourneySyntax

public struct Symbol: Equatable, Sendable {
    public enum Role: Equatable, Sendable {
        case declaration, reference
    }

    public var role: Role
    /// The kind of element it declares or names, and the identifier.
    public var kind: ElementAddress.Kind
    public var id: String
    /// 2, 3… for the second, third declaration of one identifier (a map with errors).
    public var occurrence: Int
    /// The identifier itself.
    public var nameRange: SourceRange
    /// A declaration's whole statement (from its keyword to the end of the line's last part);
    /// a reference's identifier.
    public var range: SourceRange

    public init(role: Role, kind: ElementAddress.Kind, id: String, occurrence: Int = 1, nameRange: SourceRange, range: SourceRange) {
        self.role = role
        self.kind = kind
        self.id = id
        self.occurrence = occurrence
        self.nameRange = nameRange
        self.range = range
    }

    /// The element it declares or names (made when asked: an index of a large map holds
    /// tens of thousands of symbols, and lookups need only the kind and the identifier).
    public var address: ElementAddress { ElementAddress(kind, .id(id), occurrence: occurrence) }
}

public struct SymbolIndex: Sendable {
    /// An identifier of one kind: how the index finds what a reference names.
    struct Name: Hashable {
        var kind: ElementAddress.Kind
        var id: String
    }

    /// Declarations in source order (the second declaration of one id is `#2`, as MapAddresses
    /// numbers a repeated element).
    public private(set) var declarations: [Symbol] = []
    /// References in source order.
    public private(set) var references: [Symbol] = []
    /// The first declaration of each name, and the later ones of a name declared again.
    private var declared: [Name: Int] = [:]
    private var redeclared: [Name: [Int]] = [:]
    private var referencesTo: [Name: [Int]] = [:]
    /// Declarations and references together, by the start of their identifiers.
    private var byOffset: [Symbol] = []

    /// The statements whose `id` declares an element, and the kind each declares.
    /// The elements first, then the kinds of content that declare one (ContentKinds), in model order.
    static let declaring: [(keyword: Keyword, kind: ElementAddress.Kind)] =
        [(.persona, .persona), (.channel, .channel), (.stage, .stage), (.touchpoint, .touchpoint)]
        + ContentKinds.all.filter(\.declaresID).map { ($0.keyword, $0.address) }

    /// Where a statement names another element, and the kinds it may name: one for most sites;
    /// several where one namespace holds elements of several kinds that the site accepts alike
    /// (a step of any of the blueprint's four lanes). A reference takes the first of its kinds
    /// that declares the name, else the first.
    struct ReferenceSite: Sendable {
        var keyword: Keyword
        var kinds: [ElementAddress.Kind]
        var names: @Sendable (Statement) -> [NameReference]

        init(keyword: Keyword, kind: ElementAddress.Kind, names: @escaping @Sendable (Statement) -> [NameReference]) {
            self.init(keyword: keyword, kinds: [kind], names: names)
        }

        init(keyword: Keyword, kinds: [ElementAddress.Kind], names: @escaping @Sendable (Statement) -> [NameReference]) {
            precondition(!kinds.isEmpty, "a reference site names at least one kind")
            self.keyword = keyword
            self.kinds = kinds
            self.names = names
        }
    }

    /// The kinds of a blueprint step, one per lane (the registry's blueprint rows).
    static let stepKinds: [ElementAddress.Kind] = ContentKinds.all.filter { $0.kind.blueprintLane != nil }.map(\.address)

    /// The kinds of content that name a persona (ContentKinds.namingPersona), then the others.
    static let referenceSites: [ReferenceSite] = ContentKinds.namingPersona.map { row in
        ReferenceSite(keyword: row.keyword, kind: .persona) { identifier($0.argument(.persona)) }
    } + [
        ReferenceSite(keyword: .opportunity, kind: .pain) { identifiers($0.property(.addresses)) },
        // A built-in channel is declared by no line.
        ReferenceSite(keyword: .touchpoint, kind: .channel) { s in
            guard let via = s.property(.via), case .identifier(let name) = via.value, BuiltinChannel(rawValue: name) == nil else { return [] }
            return [NameReference(name: name, range: via.valueRange)]
        },
        // A failure point: the step behind the touchpoint where the pain arises.
        ReferenceSite(keyword: .pain, kinds: stepKinds) { s in
            guard let at = s.property(.at), case .identifier(let name) = at.value else { return [] }
            return [NameReference(name: name, range: at.valueRange)]
        },
    ] + ContentKinds.all.filter { $0.kind.blueprintLane != nil }.map { row in
        // The steps a step starts, then those it waits for (the order of the line's properties is
        // kept by sorting the sites by position below).
        ReferenceSite(keyword: row.keyword, kinds: stepKinds) { identifiers($0.property(.triggers)) + identifiers($0.property(.needs)) }
    }

    private static func identifier(_ argument: Argument?) -> [NameReference] {
        guard let argument, case .identifier(let name) = argument.value else { return [] }
        return [NameReference(name: name, range: argument.range)]
    }

    private static func identifiers(_ property: Property?) -> [NameReference] {
        guard case .identifierList(let names)? = property?.value else { return [] }
        return names
    }

    public init() {}

    public init(_ tree: SyntaxTree) { self.init([tree]) }

    /// One index over several files (a map and the files it uses), their ranges already in one space.
    public init(_ trees: [SyntaxTree]) {
        // The tables are short: scanned, not hashed (a map has a statement per line).
        let declaring = Self.declaring, sites = Self.referenceSites
        var ambiguous: [(index: Int, kinds: [ElementAddress.Kind])] = []
        for tree in trees {
            tree.walk { s in
                let keyword = s.keyword
                if let kind = declaring.first(where: { $0.keyword == keyword })?.kind, let arg = s.argument(.id),
                   case .identifier(let id) = arg.value {
                    let name = Name(kind: kind, id: id)
                    var occurrence = 1
                    if declared[name] == nil {
                        declared[name] = declarations.count
                    } else {
                        redeclared[name, default: []].append(declarations.count)
                        occurrence = 1 + redeclared[name]!.count
                    }
                    declarations.append(Symbol(role: .declaration, kind: kind, id: id, occurrence: occurrence, nameRange: arg.range,
                                               range: s.keywordRange.union(s.range)))
                }
                var named: [(NameReference, [ElementAddress.Kind])] = []
                for site in sites where site.keyword == keyword {
                    named += site.names(s).map { ($0, site.kinds) }
                }
                // A line's references in the order written, whichever site found them.
                if named.count > 1 { named.sort { $0.0.range.start < $1.0.range.start } }
                for (name, kinds) in named {
                    references.append(Symbol(role: .reference, kind: kinds[0], id: name.name, nameRange: name.range, range: name.range))
                    if kinds.count > 1 { ambiguous.append((references.count - 1, kinds)) }
                }
            }
        }
        // A reference that may name several kinds takes the one declared, which can come later
        // in the map (`triggers` names steps further down), so it is settled after the walk.
        for (i, kinds) in ambiguous {
            let id = references[i].id
            if let declaredKind = kinds.first(where: { declared[Name(kind: $0, id: id)] != nil }) { references[i].kind = declaredKind }
        }
        for (i, r) in references.enumerated() { referencesTo[Name(kind: r.kind, id: r.id), default: []].append(i) }
        byOffset = Self.merged(declarations, references)
    }

    /// Two lists in source order as one; sorted instead when they are not (trees whose range
    /// spaces were given out of order).
    private static func merged(_ a: [Symbol], _ b: [Symbol]) -> [Symbol] {
        var out: [Symbol] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].nameRange.start <= b[j].nameRange.start) {
                out.append(a[i]); i += 1
            } else {
                out.append(b[j]); j += 1
            }
        }
        let inOrder = zip(out, out.dropFirst()).allSatisfy { $0.nameRange.start <= $1.nameRange.start }
        return inOrder ? out : out.sorted { $0.nameRange.start < $1.nameRange.start }
    }

    // MARK: - Queries

    /// The identifier an address names, when it names an element by one.
    private static func name(_ address: ElementAddress) -> (Name, occurrence: Int)? {
        guard address.steps.count == 1, case .id(let id) = address.key else { return nil }
        return (Name(kind: address.kind, id: id), address.steps[0].occurrence)
    }

    /// The declaration of the element at `address`.
    public func declaration(of address: ElementAddress) -> Symbol? {
        guard let (name, n) = Self.name(address), let first = declared[name] else { return nil }
        if n == 1 { return declarations[first] }
        guard let later = redeclared[name], n - 2 < later.count else { return nil }
        return declarations[later[n - 2]]
    }

    /// The declaration a reference names (a declaration is its own); nil when nothing declares it.
    public func declaration(of symbol: Symbol) -> Symbol? {
        if symbol.role == .declaration { return symbol }
        return declared[Name(kind: symbol.kind, id: symbol.id)].map { declarations[$0] }
    }

    /// The references to the element at `address`, in source order (they name the first
    /// declaration of an identifier).
    public func references(to address: ElementAddress) -> [Symbol] {
        guard let (name, n) = Self.name(address), n == 1 else { return [] }
        return (referencesTo[name] ?? []).map { references[$0] }
    }

    /// The references to what `symbol` declares or names, in source order.
    public func references(of symbol: Symbol) -> [Symbol] {
        guard symbol.occurrence == 1 else { return [] }
        return (referencesTo[Name(kind: symbol.kind, id: symbol.id)] ?? []).map { references[$0] }
    }

    /// The declaration or reference whose identifier holds the byte `offset`, or ends right at
    /// it (a cursor just after a name is on that name).
    public func symbol(at offset: Int) -> Symbol? {
        // The last symbol starting at or before the offset.
        var lo = 0, hi = byOffset.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if byOffset[mid].nameRange.start <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        let candidate = byOffset[lo - 1]
        return offset <= candidate.nameRange.end ? candidate : nil
    }
}
